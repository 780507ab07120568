package dev.keyfence;

import java.util.Objects;

/**
 * What a request carried as its access-token credential (RFC 6750 section 2, RFC 9449 section 7):
 * nothing, exactly one well-formed token, or something to refuse as {@code invalid_request}.
 * Found by {@link CredentialPolicy#extract}.
 */
public sealed interface Credential permits Credential.Absent, Credential.Present, Credential.Refused {

    /** No access token was sent (no {@code Authorization} header, or one of another scheme such as {@code Basic}). */
    record Absent() implements Credential {}

    /**
     * Exactly one token, in RFC 6750 {@code b64token} syntax; {@code dpopScheme} when it came as
     * {@code Authorization: DPoP}. {@link #toString()} never shows the token.
     */
    record Present(String token, boolean dpopScheme) implements Credential {
        public Present {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Present[token hidden" + (dpopScheme ? ", DPoP" : "") + "]";
        }
    }

    /**
     * The request is malformed in how it sends credentials. {@code description} is fixed text
     * (never request content), safe inside a quoted-string and a JSON string.
     */
    record Refused(String description) implements Credential {
        public Refused {
            Objects.requireNonNull(description, "description");
        }
    }
}
