package dev.keyfence.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The RFC 6750 challenge of the Keyfence contract: a bare {@code Bearer} when no token was sent,
 * and {@code Bearer error="invalid_token", error_description="REASON_CODE"} for a rejected one.
 * Unlike Spring's default entry point it adds no other parameters, so clients and scripts see
 * exactly the reason code. Use it with {@code o.authenticationEntryPoint(entryPoint)}.
 */
public final class KeyfenceAuthenticationEntryPoint implements AuthenticationEntryPoint {
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
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
        response.addHeader("WWW-Authenticate", challenge);
        response.setStatus(status.value());
    }

    private static String safe(String text) {
        return text.replace("\\", "").replace("\"", "");
    }
}
