package dev.keyfence.internal.credentials;

import dev.keyfence.Credential;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the access token of a request per RFC 6750: the {@code Authorization} header (scheme
 * matched case-insensitively, {@code Bearer} and, where enabled, {@code DPoP}), and the
 * {@code access_token} query or form parameter only where enabled. More than one credential, a
 * malformed header, or a query token where query tokens are off is refused.
 */
public final class BearerExtractor {
    /** The {@code access_token} parameter of RFC 6750 sections 2.2 and 2.3. */
    public static final String PARAMETER = "access_token";

    public static final String MULTIPLE = "more than one credential in the request";
    public static final String MALFORMED = "malformed Authorization header";
    public static final String QUERY_REFUSED = "access_token in the query string is not accepted";
    public static final String MALFORMED_PARAMETER = "malformed access_token parameter";

    private static final String BEARER = "bearer";
    private static final String DPOP = "dpop";

    private final boolean allowQuery;
    private final boolean dpopScheme;

    /** An extractor; {@code allowQuery} accepts a query token, {@code dpopScheme} the DPoP scheme. */
    public BearerExtractor(boolean allowQuery, boolean dpopScheme) {
        this.allowQuery = allowQuery;
        this.dpopScheme = dpopScheme;
    }

    /**
     * The credential of a request.
     *
     * @param authorization every {@code Authorization} header value, in order
     * @param rawQuery      the raw (still percent-encoded) query string, empty when none
     * @param formTokens    {@code access_token} values from a form body; empty unless form
     *                      tokens are enabled and the request is a form POST
     */
    public Credential extract(List<String> authorization, String rawQuery, List<String> formTokens) {
        List<String> queryTokens = queryTokens(rawQuery);
        if (!queryTokens.isEmpty() && !allowQuery) {
            return new Credential.Refused(QUERY_REFUSED);
        }
        if (authorization.size() + queryTokens.size() + formTokens.size() > 1) {
            return new Credential.Refused(MULTIPLE);
        }
        if (authorization.size() == 1) {
            return fromHeader(authorization.get(0));
        }
        List<String> parameters = new ArrayList<>(queryTokens);
        parameters.addAll(formTokens);
        if (parameters.isEmpty()) {
            return new Credential.Absent();
        }
        String token = parameters.get(0);
        return isB64Token(token) ? new Credential.Present(token, false) : new Credential.Refused(MALFORMED_PARAMETER);
    }

    private Credential fromHeader(String raw) {
        String value = stripOws(raw);
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (value.isEmpty() || scheme.isEmpty()) {
            return new Credential.Refused(MALFORMED);
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        boolean dpop = dpopScheme && lower.equals(DPOP);
        if (!lower.equals(BEARER) && !dpop) {
            // another scheme (Basic, ...): no access token in this request
            return new Credential.Absent();
        }
        if (space < 0) {
            return new Credential.Refused(MALFORMED);
        }
        // RFC 6750 2.1: credentials = "Bearer" 1*SP b64token (one or more spaces)
        String token = value.substring(space).stripLeading();
        if (!isB64Token(token)) {
            return new Credential.Refused(MALFORMED);
        }
        return new Credential.Present(token, dpop);
    }

    /**
     * Whether {@code s} is an RFC 6750 section 2.1 {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" /
     * "." / "_" / "~" / "+" / "/" ) *"="}. A scan, not a regular expression: it runs on every request.
     */
    static boolean isB64Token(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isB64Char(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && s.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean isB64Char(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static String stripOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isOws(s.charAt(start))) {
            start++;
        }
        while (end > start && isOws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** How many {@code access_token} parameters a raw query string holds. */
    public static int queryTokenCount(String rawQuery) {
        return queryTokens(rawQuery).size();
    }

    /** Every {@code access_token} value in a raw query string, decoded. */
    static List<String> queryTokens(String rawQuery) {
        List<String> tokens = new ArrayList<>();
        if (rawQuery.isEmpty()) {
            return tokens;
        }
        for (String pair : rawQuery.split("[&;]")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (PARAMETER.equals(name)) {
                tokens.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return tokens;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // bad percent-escape: compare the raw text, which can never equal a decoded name by accident
            return s;
        }
    }
}
