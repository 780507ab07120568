package dev.keyfence;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a request that does not get through (RFC 6750 section 3): the status, the
 * {@code WWW-Authenticate} challenge and, for errors, the JSON body
 * {@code {"error":"...","error_description":"..."}}. Every adapter writes it unchanged, with
 * {@code Cache-Control: no-store}, so all of them answer a request alike. It holds only fixed text
 * and reason codes, never request content.
 */
public record ErrorResponse(int status, String challenge, Optional<String> body) {
    /** The content type of {@link #body()}. */
    public static final String CONTENT_TYPE = "application/json";

    public ErrorResponse {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(body, "body");
    }
}
