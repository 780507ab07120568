package dev.keyfence.spring;

import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.jakarta.internal.ServletExchange;
import dev.keyfence.spring.internal.CurrentRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the bearer token with core's {@link CredentialPolicy}, the one the servlet filter uses:
 * two {@code Authorization} headers, a header beside a query or form token, a refused query
 * token or a malformed header are a 400 {@code invalid_request} (thrown as an
 * {@link OAuth2AuthenticationException} that {@link KeyfenceAuthenticationEntryPoint} answers);
 * no token or another scheme is {@code null}. The {@code DPoP} scheme is left to the DPoP filter
 * Spring Security adds to the chain (in the default Keyfence chain, made to read, check and answer
 * as Keyfence does). Wire it with {@code o.bearerTokenResolver(resolver)}; the default
 * Keyfence chain does.
 */
public final class KeyfenceBearerTokenResolver implements BearerTokenResolver {
    private final CredentialPolicy policy;

    /** A resolver applying {@code policy} (its DPoP scheme setting is ignored: Spring handles DPoP requests). */
    public KeyfenceBearerTokenResolver(CredentialPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        CredentialPolicy.Builder b = CredentialPolicy.builder()
                .allowQueryToken(policy.allowsQueryToken())
                .allowFormToken(policy.allowsFormToken())
                .dpopScheme(false);
        policy.realm().ifPresent(b::realm);
        this.policy = b.build();
    }

    /** A resolver with {@link CredentialPolicy#defaults()}: header tokens only. */
    public KeyfenceBearerTokenResolver() {
        this(CredentialPolicy.defaults());
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        Credential credential = ServletExchange.credential(policy, request);
        if (credential instanceof Credential.Refused refused) {
            throw new OAuth2AuthenticationException(
                    new BearerTokenError("invalid_request", HttpStatus.BAD_REQUEST, refused.description(), null));
        }
        if (credential instanceof Credential.Present present) {
            // read again by the decoder (CurrentRequest), which then need not extract it a second time
            request.setAttribute(CurrentRequest.BEARER_CREDENTIAL, present);
            return present.token();
        }
        return null;
    }
}
