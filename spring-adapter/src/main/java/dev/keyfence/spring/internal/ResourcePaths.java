package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.PathPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths of one resource profile for the reactive stack, parsed and matched by core's one
 * matcher ({@link PathPattern}: {@code /exact} or {@code /prefix/**}; any other {@code *} is a
 * configuration error naming {@code resources.NAME.paths[i]}).
 */
public final class ResourcePaths {
    private final List<PathPattern> patterns;

    private ResourcePaths(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * The matcher of a profile's paths.
     *
     * @throws ConfigurationException naming {@code resources.NAME.paths[i]} for a pattern outside the syntax
     */
    public static ResourcePaths of(String profile, List<String> patterns) {
        List<PathPattern> parsed = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                parsed.add(PathPattern.parse(patterns.get(i)));
            } catch (ConfigurationException e) {
                throw e.at("resources." + profile + ".paths[" + i + "]");
            }
        }
        return new ResourcePaths(List.copyOf(parsed));
    }

    /** True when the request path (decoded, within the application) is one of these paths. */
    public boolean matches(String path) {
        return patterns.stream().anyMatch(p -> p.matches(path));
    }
}
