package dev.keyfence.spring;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.spring.internal.FailureAnswer;
import dev.keyfence.spring.internal.ReactiveExchange;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive form of {@link KeyfenceAuthenticationEntryPoint}, answering with core's
 * {@link CredentialPolicy} exactly as the servlet filter does: a bare {@code Bearer} challenge and
 * no body when no token was sent; 401 {@code Bearer error="invalid_token",
 * error_description="REASON_CODE"} with a JSON body for a rejected token; 400
 * {@code invalid_request} with a JSON body for a malformed request. Use it with
 * {@code o.authenticationEntryPoint(entryPoint)}; the default Keyfence chain does.
 */
public final class KeyfenceServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {
    private final CredentialPolicy policy;

    /** An entry point with the policy's realm. */
    public KeyfenceServerAuthenticationEntryPoint(CredentialPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** An entry point without realm. */
    public KeyfenceServerAuthenticationEntryPoint() {
        this(CredentialPolicy.defaults());
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        return ReactiveExchange.write(exchange.getResponse(), FailureAnswer.of(policy, failure));
    }
}
