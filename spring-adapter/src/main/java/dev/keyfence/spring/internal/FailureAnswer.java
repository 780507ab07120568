package dev.keyfence.spring.internal;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.ErrorResponse;
import dev.keyfence.Reason;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The answer of core's {@link CredentialPolicy} to a Spring Security authentication failure, the
 * same on the servlet and the reactive stack: no token, a reason-coded rejection, a malformed
 * request, or (for another component's error) its error code alone, never its text.
 */
public final class FailureAnswer {
    private FailureAnswer() {}

    /** The status, challenge and JSON body for {@code failure}. */
    public static ErrorResponse of(CredentialPolicy policy, AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return policy.missing();
        }
        OAuth2Error error = oauth.getError();
        String description = Objects.requireNonNullElse(error.getDescription(), "");
        if ("invalid_request".equals(error.getErrorCode())
                && CredentialPolicy.isQuotable(description)
                && !description.isEmpty()) {
            return policy.invalidRequest(description);
        }
        Optional<Reason> reason = reason(description);
        if (reason.isPresent()) {
            return policy.invalidToken(reason.get());
        }
        // another component's error (e.g. an application's own decoder): its code only, never its text
        String code = CredentialPolicy.isQuotable(error.getErrorCode()) ? error.getErrorCode() : "invalid_token";
        String body = "{\"error\":\"" + code + "\"}";
        return new ErrorResponse(401, "Bearer error=\"" + code + "\"", Optional.of(body));
    }

    private static Optional<Reason> reason(String description) {
        for (Reason r : Reason.values()) {
            if (r.name().equals(description)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
