package dev.keyfence;

import dev.keyfence.internal.credentials.BearerExtractor;
import dev.keyfence.json.JsonWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How every Keyfence front door finds the access token of an HTTP request and answers one that
 * does not get through (RFC 6750): one {@code Authorization} header with the {@code Bearer} scheme
 * (any case, one or more spaces); the {@code access_token} query or form parameter only when
 * enabled; more than one credential, a malformed header, or a refused query token is a 400
 * {@code invalid_request}. Immutable; the servlet filter and the Spring adapter share it, so both
 * answer a request with the same status, challenge and body.
 *
 * <pre>{@code
 * CredentialPolicy credentials = CredentialPolicy.defaults();
 * Credential found = credentials.extract(authorizationHeaders, method, rawQuery, contentType, formValues);
 * if (found instanceof Credential.Refused refused) {
 *     write(credentials.invalidRequest(refused.description()));   // 400
 * }
 * }</pre>
 */
public final class CredentialPolicy {
    /** The form parameter and query parameter name of RFC 6750 sections 2.2 and 2.3. */
    public static final String ACCESS_TOKEN = BearerExtractor.PARAMETER;

    private static final String FORM = "application/x-www-form-urlencoded";

    private final boolean allowQueryToken;
    private final boolean allowFormToken;
    private final boolean dpopScheme;
    private final Optional<String> realm;
    private final BearerExtractor extractor;

    private CredentialPolicy(Builder b) {
        this.allowQueryToken = b.allowQueryToken;
        this.allowFormToken = b.allowFormToken;
        this.dpopScheme = b.dpopScheme;
        this.realm = Optional.ofNullable(b.realm);
        this.extractor = new BearerExtractor(allowQueryToken, dpopScheme);
    }

    /** Header tokens only, {@code Bearer} and {@code DPoP} schemes, no realm. */
    public static CredentialPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code ?access_token=} is accepted (RFC 6750 2.3). */
    public boolean allowsQueryToken() {
        return allowQueryToken;
    }

    /** Whether {@code access_token} in a form-encoded POST body is accepted (RFC 6750 2.2). */
    public boolean allowsFormToken() {
        return allowFormToken;
    }

    /** Whether {@code Authorization: DPoP} is read as a credential (RFC 9449 section 7.1). */
    public boolean readsDpopScheme() {
        return dpopScheme;
    }

    /** The realm of every challenge, if any. */
    public Optional<String> realm() {
        return realm;
    }

    /**
     * The credential of a request. {@code accessTokenParameters} (every {@code access_token}
     * parameter value, query values first, as the servlet API lists them) is only called for a
     * form POST when form tokens are enabled, so the body is never read otherwise.
     *
     * @param authorization every {@code Authorization} header value, in order
     * @param method        the request method
     * @param rawQuery      the raw query string, empty when there is none
     * @param contentType   the request's content type, empty when there is none
     */
    public Credential extract(
            List<String> authorization,
            String method,
            String rawQuery,
            String contentType,
            Supplier<String[]> accessTokenParameters) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(accessTokenParameters, "accessTokenParameters");
        String query = Objects.requireNonNull(rawQuery, "rawQuery");
        return extractor.extract(
                List.copyOf(authorization), query, formTokens(method, query, contentType, accessTokenParameters));
    }

    private List<String> formTokens(String method, String query, String contentType, Supplier<String[]> parameters) {
        if (!allowFormToken
                || !"POST".equals(method)
                || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return List.of();
        }
        String[] all = parameters.get();
        if (all == null) {
            return List.of();
        }
        int fromQuery = BearerExtractor.queryTokenCount(query);
        return Arrays.asList(all).subList(Math.min(fromQuery, all.length), all.length);
    }

    /** 401 with a bare {@code Bearer} challenge (plus the realm) and no body: no token was sent. */
    public ErrorResponse missing() {
        return new ErrorResponse(
                401, realm.map(r -> "Bearer realm=\"" + r + "\"").orElse("Bearer"), Optional.empty());
    }

    /** 401 {@code invalid_token} whose {@code error_description} is the reason code. */
    public ErrorResponse invalidToken(Reason reason) {
        return error(401, "invalid_token", reason.name());
    }

    /**
     * 400 {@code invalid_request} with a fixed description (never request content).
     *
     * @throws IllegalArgumentException when the description cannot stand in a quoted-string
     */
    public ErrorResponse invalidRequest(String description) {
        if (!isQuotable(description)) {
            throw new IllegalArgumentException("description must be printable ASCII without '\"' or '\\'");
        }
        return error(400, "invalid_request", description);
    }

    private ErrorResponse error(int status, String error, String description) {
        StringBuilder header = new StringBuilder("Bearer ");
        realm.ifPresent(r -> header.append("realm=\"").append(r).append("\", "));
        header.append("error=\"")
                .append(error)
                .append("\", error_description=\"")
                .append(description)
                .append('"');
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("error_description", description);
        String body = JsonWriter.write(json);
        return new ErrorResponse(status, header.toString(), Optional.of(body));
    }

    /** Whether text may stand inside a quoted-string of a challenge (and a JSON string) without escaping. */
    public static boolean isQuotable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CredentialPolicy[query=" + allowQueryToken + ", form=" + allowFormToken + ", dpop=" + dpopScheme
                + realm.map(r -> ", realm=" + r).orElse("") + "]";
    }

    /** Builds a {@link CredentialPolicy}. */
    public static final class Builder {
        private boolean allowQueryToken;
        private boolean allowFormToken;
        private boolean dpopScheme = true;
        private @Nullable String realm;

        private Builder() {}

        /** Accept {@code ?access_token=} (RFC 6750 2.3; discouraged: URLs leak). Default false. */
        public Builder allowQueryToken(boolean allow) {
            this.allowQueryToken = allow;
            return this;
        }

        /** Accept {@code access_token} in a form-encoded POST body (RFC 6750 2.2). Default false. */
        public Builder allowFormToken(boolean allow) {
            this.allowFormToken = allow;
            return this;
        }

        /**
         * Read {@code Authorization: DPoP} as a credential (default true). Off where another
         * component handles the DPoP scheme; a DPoP request is then {@link Credential.Absent} here.
         */
        public Builder dpopScheme(boolean read) {
            this.dpopScheme = read;
            return this;
        }

        /**
         * The {@code realm} of every challenge.
         *
         * @throws ConfigurationException naming {@code realm} when it is not printable ASCII without quotes
         */
        public Builder realm(String realm) {
            if (realm == null || realm.isBlank() || !isQuotable(realm)) {
                throw new ConfigurationException("realm", "must be printable ASCII without '\"' or '\\'");
            }
            this.realm = realm;
            return this;
        }

        /** The policy. */
        public CredentialPolicy build() {
            return new CredentialPolicy(this);
        }
    }
}
