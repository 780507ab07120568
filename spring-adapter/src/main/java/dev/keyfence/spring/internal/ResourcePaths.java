package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import java.util.List;

/**
 * The paths of one resource profile, in the syntax of the configuration: {@code /exact}, or
 * {@code /prefix/**} for the prefix itself and everything below it; any other {@code *} is a
 * configuration error. A small adapter on purpose: when core gains its own path matcher, this
 * class delegates to it and nothing else changes.
 */
public final class ResourcePaths {
    private final List<String> exact;
    private final List<String> prefixes;

    private ResourcePaths(List<String> exact, List<String> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /**
     * The matcher of a profile's paths.
     *
     * @throws ConfigurationException naming {@code resources.NAME.paths} for a pattern outside the syntax
     */
    public static ResourcePaths of(String profile, List<String> patterns) {
        String setting = "resources." + profile + ".paths";
        List<String> exact = new java.util.ArrayList<>();
        List<String> prefixes = new java.util.ArrayList<>();
        for (String pattern : patterns) {
            if (!pattern.startsWith("/")) {
                throw new ConfigurationException(setting, "a path starts with /, was " + pattern);
            }
            if (pattern.endsWith("/**")) {
                String prefix = pattern.substring(0, pattern.length() - 3);
                if (prefix.contains("*")) {
                    throw new ConfigurationException(setting, "'*' only as a trailing /**, was " + pattern);
                }
                prefixes.add(prefix);
            } else if (pattern.contains("*")) {
                throw new ConfigurationException(setting, "'*' only as a trailing /**, was " + pattern);
            } else {
                exact.add(pattern);
            }
        }
        return new ResourcePaths(List.copyOf(exact), List.copyOf(prefixes));
    }

    /** True when the request path (decoded, within the application) is one of these paths. */
    public boolean matches(String path) {
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
