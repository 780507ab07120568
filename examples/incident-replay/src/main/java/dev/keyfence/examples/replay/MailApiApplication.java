package dev.keyfence.examples.replay;

import dev.keyfence.spring.KeyfenceJwt;
import dev.keyfence.spring.KeyfenceResourceResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail API as a Spring Boot resource server: {@code GET /api/me} (consumer and enterprise
 * mailboxes) and the enterprise-only tenant admin API {@code GET /api/admin/me}, behind Spring
 * Security's OAuth2 resource server support. Which decoder guards them is the only difference
 * between the "common setup" and Keyfence columns: {@link CommonSetupDecoder}, or the Keyfence
 * Spring adapter's decoders, one per resource profile, chosen by its {@link KeyfenceResourceResolver}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(MailApiApplication.MeController.class)
public class MailApiApplication {

    /**
     * Every request needs a bearer token the decoder accepts; the admin API also refuses tokens
     * of the consumer tenant (the usual claim check for an enterprise-only API).
     */
    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectProvider<KeyfenceResourceResolver> keyfence,
            @Value("${replay.consumer-tenant}") String consumerTenant)
            throws Exception {
        KeyfenceResourceResolver resolver = keyfence.getIfAvailable();
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/admin/**")
                        .access(notTenant(consumerTenant))
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> {
                    if (resolver != null) {
                        server.authenticationManagerResolver(resolver);
                    } else {
                        server.jwt(Customizer.withDefaults());
                    }
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> notTenant(String tenant) {
        return (authentication, context) ->
                new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                        && !tenant.equals(token.getToken().getClaimAsString("tid")));
    }

    /** {@code GET /api/me} and {@code GET /api/admin/me}: who the token says the caller is. */
    @RestController
    static class MeController {

        @GetMapping({"/api/me", "/api/admin/me"})
        Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", jwt.getSubject());
            body.put("issuer", jwt.getClaimAsString("iss"));
            body.put("tenant", jwt.getClaimAsString("tid"));
            if (jwt instanceof KeyfenceJwt verified) {
                body.put("keyScope", verified.keyScope());
            }
            return body;
        }
    }
}
