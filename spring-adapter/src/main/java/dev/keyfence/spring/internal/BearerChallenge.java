package dev.keyfence.spring.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

/**
 * The RFC 6750 challenge of the Keyfence contract for an authentication failure: a bare
 * {@code Bearer} when no token was sent, {@code Bearer error="invalid_token",
 * error_description="REASON_CODE"} for a rejected one, and no other parameters.
 *
 * @param status    the response status
 * @param challenge the {@code WWW-Authenticate} value
 */
public record BearerChallenge(HttpStatus status, String challenge) {

    /** The challenge for a failure. */
    public static BearerChallenge of(AuthenticationException failure) {
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        String challenge = "Bearer";
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            challenge = "Bearer error=\"" + safe(error.getErrorCode()) + "\"";
            if (error.getDescription() != null && !error.getDescription().isBlank()) {
                challenge += ", error_description=\"" + safe(error.getDescription()) + "\"";
            }
            if (error instanceof BearerTokenError bearer) {
                status = bearer.getHttpStatus();
            }
        }
        return new BearerChallenge(status, challenge);
    }

    private static String safe(String text) {
        return text.replace("\\", "").replace("\"", "");
    }
}
