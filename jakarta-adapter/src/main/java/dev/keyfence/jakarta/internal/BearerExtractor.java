package dev.keyfence.jakarta.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request per RFC 6750: the {@code Authorization} header (scheme
 * matched case-insensitively), and the {@code access_token} query or form parameter only where
 * enabled. More than one credential, a malformed header, or a query token where query tokens are
 * off is refused.
 */
public final class BearerExtractor {
    /** The {@code access_token} parameter of RFC 6750 sections 2.2 and 2.3. */
    public static final String PARAMETER = "access_token";

    static final String MULTIPLE = "more than one credential in the request";
    static final String MALFORMED = "malformed Authorization header";
    static final String QUERY_REFUSED = "access_token in the query string is not accepted";
    static final String MALFORMED_PARAMETER = "malformed access_token parameter";

    /** RFC 6750 section 2.1 b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "bearer";

    private final boolean allowQuery;

    /** An extractor; {@code allowQuery} accepts a token in the query string (RFC 6750 2.3). */
    public BearerExtractor(boolean allowQuery) {
        this.allowQuery = allowQuery;
    }

    /**
     * The credential of a request.
     *
     * @param authorization every {@code Authorization} header value, in order
     * @param rawQuery      the raw (still percent-encoded) query string, empty when none
     * @param formTokens    {@code access_token} values from a form body; empty unless form
     *                      tokens are enabled and the request is a form POST
     */
    public BearerCredential extract(List<String> authorization, String rawQuery, List<String> formTokens) {
        List<String> queryTokens = queryTokens(rawQuery);
        if (!queryTokens.isEmpty() && !allowQuery) {
            return new BearerCredential.Refused(QUERY_REFUSED);
        }
        if (authorization.size() + queryTokens.size() + formTokens.size() > 1) {
            return new BearerCredential.Refused(MULTIPLE);
        }
        if (authorization.size() == 1) {
            return fromHeader(authorization.get(0));
        }
        List<String> parameters = new ArrayList<>(queryTokens);
        parameters.addAll(formTokens);
        if (parameters.isEmpty()) {
            return new BearerCredential.Absent();
        }
        String token = parameters.get(0);
        return B64TOKEN.matcher(token).matches() ? new BearerCredential.Present(token)
                : new BearerCredential.Refused(MALFORMED_PARAMETER);
    }

    private static BearerCredential fromHeader(String raw) {
        String value = stripOws(raw);
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (value.isEmpty() || scheme.isEmpty()) {
            return new BearerCredential.Refused(MALFORMED);
        }
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            // another scheme (Basic, DPoP, ...): no bearer token in this request
            return new BearerCredential.Absent();
        }
        if (space < 0) {
            return new BearerCredential.Refused(MALFORMED);
        }
        String token = value.substring(space).stripLeading();
        if (!B64TOKEN.matcher(token).matches()) {
            return new BearerCredential.Refused(MALFORMED);
        }
        return new BearerCredential.Present(token);
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
