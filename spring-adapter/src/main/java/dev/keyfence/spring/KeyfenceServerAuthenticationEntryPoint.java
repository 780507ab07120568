package dev.keyfence.spring;

import dev.keyfence.spring.internal.BearerChallenge;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive form of {@link KeyfenceAuthenticationEntryPoint}: a bare {@code Bearer} challenge
 * when no token was sent, {@code Bearer error="invalid_token", error_description="REASON_CODE"}
 * for a rejected one, and no other parameters. Use it with
 * {@code o.authenticationEntryPoint(new KeyfenceServerAuthenticationEntryPoint())}.
 */
public final class KeyfenceServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        BearerChallenge challenge = BearerChallenge.of(failure);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(challenge.status());
        response.getHeaders().set("WWW-Authenticate", challenge.challenge());
        return response.setComplete();
    }
}
