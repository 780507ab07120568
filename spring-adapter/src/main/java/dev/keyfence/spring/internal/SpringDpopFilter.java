package dev.keyfence.spring.internal;

import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.jakarta.internal.ServletExchange;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Makes the DPoP filter that Spring Security adds to every resource-server chain Keyfence's: it
 * reads {@code Authorization: DPoP} with core's credential policy, authenticates with the Keyfence
 * resolver (core checks the proof: one replay cache, the validator's clock) and answers a failure
 * with the Keyfence entry point, so a DPoP failure gets the reason code and JSON body the servlet
 * filter gives, instead of Spring's own DPoP challenge and second proof check.
 */
public final class SpringDpopFilter {
    private static final String CONVERTER = "DPoPAuthenticationConverter";

    private SpringDpopFilter() {}

    /** The chain, with Spring's DPoP filter (if any) reading, checking and answering as Keyfence does. */
    public static SecurityFilterChain keyfence(
            SecurityFilterChain chain,
            CredentialPolicy policy,
            AuthenticationManagerResolver<HttpServletRequest> resolver,
            AuthenticationEntryPoint entryPoint) {
        CredentialPolicy.Builder b = CredentialPolicy.builder()
                .allowQueryToken(policy.allowsQueryToken())
                .allowFormToken(policy.allowsFormToken())
                .dpopScheme(true);
        policy.realm().ifPresent(b::realm);
        CredentialPolicy dpop = b.build();
        for (Filter filter : chain.getFilters()) {
            if (filter.getClass() == AuthenticationFilter.class
                    && filter instanceof AuthenticationFilter spring
                    && spring.getAuthenticationConverter().getClass().getName().endsWith(CONVERTER)) {
                spring.setAuthenticationConverter(request -> {
                    Credential credential = ServletExchange.credential(dpop, request);
                    if (credential instanceof Credential.Refused refused) {
                        throw new OAuth2AuthenticationException(new BearerTokenError(
                                "invalid_request", HttpStatus.BAD_REQUEST, refused.description(), null));
                    }
                    return credential instanceof Credential.Present present && present.dpopScheme()
                            ? new BearerTokenAuthenticationToken(present.token())
                            : null;
                });
                spring.setAuthenticationManagerResolver(resolver);
                spring.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
            }
        }
        return chain;
    }
}
