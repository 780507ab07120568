package dev.keyfence.spring;

import dev.keyfence.spring.internal.BearerChallenge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
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
        BearerChallenge challenge = BearerChallenge.of(failure);
        response.addHeader("WWW-Authenticate", challenge.challenge());
        response.setStatus(challenge.status().value());
    }
}
