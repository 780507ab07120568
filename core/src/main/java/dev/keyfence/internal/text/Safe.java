package dev.keyfence.internal.text;

import org.jspecify.annotations.Nullable;

/** Makes attacker-chosen identifiers (iss, tid, kid) safe to put in a detail or log line. */
public final class Safe {
    private static final int MAX = 120;

    private Safe() {}

    /**
     * The text quoted, without control characters, cut to a bounded length; {@code "} and {@code \}
     * inside are escaped with a backslash, so the quoted field always ends where it seems to.
     */
    public static String text(@Nullable String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX) + 5);
        sb.append('"');
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x2028 && c <= 0x2029) ? '?' : c);
        }
        if (s.length() > MAX) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }
}
