package dev.keyfence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resource profile from the {@code resources:} section of the configuration: a name, the URL
 * path patterns it protects ({@link PathPattern}: {@code /exact} or {@code /prefix/**}), and its
 * resource policy. A pattern that is neither form is a {@link ConfigurationException} named
 * {@code paths[i]}.
 */
public record NamedResource(String name, List<String> paths, ResourcePolicy resource) {
    public NamedResource {
        Objects.requireNonNull(name, "name");
        paths = List.copyOf(paths);
        Objects.requireNonNull(resource, "resource");
        parse(paths);
    }

    /** The parsed {@link #paths()}, in the same order. */
    public List<PathPattern> patterns() {
        return parse(paths);
    }

    private static List<PathPattern> parse(List<String> paths) {
        List<PathPattern> out = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            try {
                out.add(PathPattern.parse(paths.get(i)));
            } catch (ConfigurationException e) {
                throw e.at("paths[" + i + "]");
            }
        }
        return List.copyOf(out);
    }
}
