package dev.keyfence.spring;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.jakarta.internal.ServletExchange;
import dev.keyfence.spring.internal.FailureAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The RFC 6750 answers of core's {@link CredentialPolicy}, the same as the servlet filter's: a bare
 * {@code Bearer} challenge and no body when no token was sent; 401
 * {@code Bearer error="invalid_token", error_description="REASON_CODE"} with a JSON body for a
 * rejected token; 400 {@code invalid_request} with a JSON body for a malformed request. Unlike
 * Spring's default entry point it adds no other parameters, so clients and scripts see exactly the
 * reason code. Use it with {@code o.authenticationEntryPoint(entryPoint)}.
 */
public final class KeyfenceAuthenticationEntryPoint implements AuthenticationEntryPoint {
    private final CredentialPolicy policy;

    /** An entry point with the policy's realm. */
    public KeyfenceAuthenticationEntryPoint(CredentialPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** An entry point without realm. */
    public KeyfenceAuthenticationEntryPoint() {
        this(CredentialPolicy.defaults());
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ServletExchange.write(response, FailureAnswer.of(policy, failure));
    }
}
