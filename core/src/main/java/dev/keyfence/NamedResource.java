package dev.keyfence;

import java.util.List;
import java.util.Objects;

/**
 * A resource profile from the {@code resources:} section of the configuration: a name, the URL
 * path patterns an adapter protects with it, and its resource policy.
 */
public record NamedResource(String name, List<String> paths, ResourcePolicy resource) {
    public NamedResource {
        Objects.requireNonNull(name, "name");
        paths = List.copyOf(paths);
        Objects.requireNonNull(resource, "resource");
    }
}
