package dev.keyfence.spring;

import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.spring.internal.ReactiveExchange;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive form of {@link KeyfenceBearerTokenResolver}: finds the access token with core's
 * {@link CredentialPolicy}, the one the servlet filter uses. Two {@code Authorization} headers, a
 * header beside a query or form token, a refused query token or a malformed header fail with a
 * 400 {@code invalid_request} (an {@link OAuth2AuthenticationException} that
 * {@link KeyfenceServerAuthenticationEntryPoint} answers); no token or another scheme is empty.
 * {@code Authorization: DPoP} is read too, and its proof checked by Keyfence. Wire it with
 * {@code o.bearerTokenConverter(converter)}; the default Keyfence chain does.
 */
public final class KeyfenceServerAuthenticationConverter implements ServerAuthenticationConverter {
    private final CredentialPolicy policy;

    /** A converter applying {@code policy}. */
    public KeyfenceServerAuthenticationConverter(CredentialPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A converter with {@link CredentialPolicy#defaults()}: header tokens only. */
    public KeyfenceServerAuthenticationConverter() {
        this(CredentialPolicy.defaults());
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return ReactiveExchange.credential(policy, exchange).flatMap(credential -> {
            if (credential instanceof Credential.Refused refused) {
                return Mono.error(new OAuth2AuthenticationException(
                        new BearerTokenError("invalid_request", HttpStatus.BAD_REQUEST, refused.description(), null)));
            }
            if (credential instanceof Credential.Present present) {
                return Mono.<Authentication>just(new BearerTokenAuthenticationToken(present.token()));
            }
            return Mono.empty();
        });
    }
}
