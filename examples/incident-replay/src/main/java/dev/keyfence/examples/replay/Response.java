package dev.keyfence.examples.replay;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server answered to one request.
 *
 * @param status HTTP status
 * @param reason the {@code error_description} of a {@code WWW-Authenticate: Bearer} challenge
 */
public record Response(int status, Optional<String> reason) {

    public Response {
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code 200}, {@code 401}, or {@code 401 REASON} */
    public String text() {
        return reason.map(r -> status + " " + r).orElse(String.valueOf(status));
    }
}
