package dev.keyfence;

import dev.keyfence.internal.paths.PathSyntax;
import java.util.Objects;

/**
 * A {@code paths} entry of a resource profile, in one of the two forms of the contract:
 * {@code /exact} (that path only) or {@code /prefix/**} (the prefix itself and everything below
 * it; {@code /**} is every path). Any other use of {@code *}, and anything a request path could
 * spell in two ways (dot segments, {@code //}, {@code ;}, {@code %}, {@code \}, a trailing
 * {@code /}), is refused when the pattern is parsed. Immutable.
 *
 * <pre>{@code
 * PathPattern admin = PathPattern.parse("/api/admin/**");
 * admin.matches("/api/admin");        // true
 * admin.matches("/api/admin/users");  // true
 * admin.matches("/api/administrator"); // false
 * }</pre>
 */
public final class PathPattern {
    private final String text;
    private final String base;
    private final boolean subtree;

    private PathPattern(String text, String base, boolean subtree) {
        this.text = text;
        this.base = base;
        this.subtree = subtree;
    }

    /**
     * Parses a pattern.
     *
     * @throws ConfigurationException named {@code paths}, explaining the two forms, when the
     *                                pattern is neither {@code /exact} nor {@code /prefix/**}
     */
    public static PathPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        PathSyntax.checkPattern(pattern);
        boolean subtree = pattern.endsWith("/**");
        String base = subtree ? pattern.substring(0, pattern.length() - 3) : pattern;
        return new PathPattern(pattern, base, subtree);
    }

    /**
     * Whether a decoded, canonical request path (as {@link PathRoute.Matched#path()} gives it)
     * falls under this pattern: the same characters, letter case included.
     */
    public boolean matches(String path) {
        return PathSyntax.matches(base, subtree, Objects.requireNonNull(path, "path"), false);
    }

    /** The path an exact pattern names, or the prefix of a {@code /prefix/**} pattern ({@code ""} for {@code /**}). */
    public String base() {
        return base;
    }

    /** True for {@code /prefix/**}, false for {@code /exact}. */
    public boolean subtree() {
        return subtree;
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
