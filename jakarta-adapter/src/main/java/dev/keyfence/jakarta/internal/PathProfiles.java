package dev.keyfence.jakarta.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the validator for a request path: the first resource profile (in file order) with a
 * matching {@code paths} pattern, else the default. Patterns: {@code /exact}, {@code /prefix/*}
 * or {@code /prefix/**} (the prefix itself and everything below it), {@code /*} or {@code /**}.
 */
public final class PathProfiles {
    private record Entry(List<String> patterns, TokenValidator validator) {
    }

    private final List<Entry> entries;
    private final TokenValidator fallback;

    private PathProfiles(List<Entry> entries, TokenValidator fallback) {
        this.entries = List.copyOf(entries);
        this.fallback = fallback;
    }

    /** One validator for every path. */
    public static PathProfiles single(TokenValidator validator) {
        return new PathProfiles(List.of(), validator);
    }

    /** Profiles with paths from the configuration, each validating for its own resource. */
    public static PathProfiles of(TokenValidator base, List<NamedResource> resources) {
        List<Entry> entries = new ArrayList<>();
        for (NamedResource r : resources) {
            if (r.paths().isEmpty()) {
                continue;
            }
            for (String p : r.paths()) {
                if (!p.startsWith("/")) {
                    throw new ConfigurationException("resources." + r.name() + ".paths",
                            "pattern must start with '/': " + p);
                }
            }
            entries.add(new Entry(r.paths(), base.forResource(r.resource())));
        }
        return new PathProfiles(entries, base);
    }

    /** The validator for a path within the web application (servlet path plus path info). */
    public TokenValidator select(String path) {
        for (Entry e : entries) {
            for (String pattern : e.patterns()) {
                if (matches(pattern, path)) {
                    return e.validator();
                }
            }
        }
        return fallback;
    }

    static boolean matches(String pattern, String path) {
        String prefix;
        if (pattern.endsWith("/**")) {
            prefix = pattern.substring(0, pattern.length() - 3);
        } else if (pattern.endsWith("/*")) {
            prefix = pattern.substring(0, pattern.length() - 2);
        } else {
            return pattern.equals(path);
        }
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
