package dev.keyfence.jakarta.internal;

import java.util.Objects;

/**
 * What a request carried as bearer credential (RFC 6750 section 2): nothing, exactly one
 * well-formed token, or something the filter refuses as an {@code invalid_request}.
 */
public sealed interface BearerCredential permits BearerCredential.Absent, BearerCredential.Present,
        BearerCredential.Refused {

    /** No bearer token was sent. */
    record Absent() implements BearerCredential {
    }

    /** Exactly one token, in b64token syntax; {@link #toString()} never shows it. */
    record Present(String token) implements BearerCredential {
        public Present {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Present[token hidden]";
        }
    }

    /**
     * The request is malformed in how it sends credentials. {@code description} is fixed text
     * (no request content), safe inside a quoted-string.
     */
    record Refused(String description) implements BearerCredential {
        public Refused {
            Objects.requireNonNull(description, "description");
        }
    }
}
