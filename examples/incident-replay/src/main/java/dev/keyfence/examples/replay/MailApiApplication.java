package dev.keyfence.examples.replay;

import dev.keyfence.spring.KeyfenceJwt;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail API as a Spring Boot resource server: {@code GET /api/me} behind Spring Security's
 * OAuth2 resource server support. Which {@code JwtDecoder} guards it is the only difference
 * between the "common setup" and Keyfence columns: {@link CommonSetupDecoder} or the Keyfence
 * Spring adapter's auto-configured decoder.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(MailApiApplication.MeController.class)
public class MailApiApplication {

    /** Every request needs a bearer token that the {@code JwtDecoder} bean accepts. */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** {@code GET /api/me}: who the token says the caller is. */
    @RestController
    static class MeController {

        @GetMapping("/api/me")
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
