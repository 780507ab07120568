package dev.keyfence.spring;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive form of {@link KeyfenceAuthenticationEntryPoint}: a bare {@code Bearer} challenge
 * when no token was sent, {@code Bearer error="invalid_token", error_description="REASON_CODE"}
 * for a rejected one, and no other parameters.
 */
public final class KeyfenceServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
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
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().set("WWW-Authenticate", challenge);
        return response.setComplete();
    }

    private static String safe(String text) {
        return text.replace("\\", "").replace("\"", "");
    }
}
