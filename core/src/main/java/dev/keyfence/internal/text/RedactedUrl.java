package dev.keyfence.internal.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL as Keyfence prints it anywhere (details, logs, health, audit): scheme, host, port and
 * path only. User-info ({@code user:pass@}), query ({@code ?api-key=...}) and fragment are never printed.
 */
public final class RedactedUrl {
    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)");

    private RedactedUrl() {}

    /** The URL without user-info, query and fragment; text that is not a URL prints as {@code (not a URL)}. */
    public static String of(String url) {
        if (url == null) {
            return "(no URL)";
        }
        Matcher m = URL.matcher(url);
        if (!m.find()) {
            return "(not a URL)";
        }
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        return m.group(1) + "://" + hostPort + m.group(3);
    }

    /** See {@link #of(String)}. */
    public static String of(java.net.URI uri) {
        return uri == null ? "(no URL)" : of(uri.toString());
    }
}
