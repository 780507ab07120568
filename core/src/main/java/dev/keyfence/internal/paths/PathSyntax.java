package dev.keyfence.internal.paths;

import dev.keyfence.ConfigurationException;

/** The syntax of path patterns and the one matching rule every front door uses. */
public final class PathSyntax {
    /** The two forms, said in every pattern error. */
    public static final String FORMS =
            "write \"/exact\" (that path only) or \"/prefix/**\" (the prefix and " + "everything below it)";

    private PathSyntax() {}

    /**
     * Refuses a pattern that is not {@code /exact} or {@code /prefix/**}.
     *
     * @throws ConfigurationException named {@code paths}
     */
    public static void checkPattern(String pattern) {
        if (pattern.isEmpty() || pattern.charAt(0) != '/') {
            throw error(pattern, "must start with '/'");
        }
        boolean subtree = pattern.endsWith("/**");
        String base = subtree ? pattern.substring(0, pattern.length() - 3) : pattern;
        if (base.indexOf('*') >= 0) {
            String hint = base.endsWith("/*") && base.indexOf('*') == base.length() - 1 && !subtree
                    ? " (for the prefix and everything below it, write \"" + base + "*\")"
                    : "";
            throw error(pattern, "'*' is allowed only as a final \"/**\"" + hint);
        }
        if (base.isEmpty()) {
            return;
        }
        if (base.endsWith("/") && (subtree || base.length() > 1)) {
            throw error(pattern, "must not end with '/' (nor with \"//**\")");
        }
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '%' || c == ';' || c == '\\' || c == '?' || c == '#') {
                throw error(pattern, "must not contain " + describe(c) + ": patterns are decoded paths");
            }
        }
        if (base.equals("/")) {
            return;
        }
        for (String segment : base.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                throw error(pattern, "must not contain an empty segment (\"//\")");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw error(pattern, "must not contain a '.' or '..' segment");
            }
        }
    }

    /**
     * Whether {@code path} falls under the pattern with this base: equal to it, or (for a
     * subtree) equal to it or below it. With {@code ignoreCase}, letters match in either case.
     */
    public static boolean matches(String base, boolean subtree, String path, boolean ignoreCase) {
        if (!subtree) {
            return path.length() == base.length() && path.regionMatches(ignoreCase, 0, base, 0, base.length());
        }
        if (base.isEmpty()) {
            return true;
        }
        if (!path.regionMatches(ignoreCase, 0, base, 0, base.length())) {
            return false;
        }
        return path.length() == base.length() || path.charAt(base.length()) == '/';
    }

    private static ConfigurationException error(String pattern, String problem) {
        return new ConfigurationException("paths", "\"" + printable(pattern) + "\" " + problem + "; " + FORMS);
    }

    static String describe(char c) {
        return c < 0x21 || c == 0x7f ? "a space or control character" : "'" + c + "'";
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || c == '"' || c == '\\' ? '?' : c);
        }
        return b.toString();
    }
}
