package dev.keyfence.spring.controllers.resolverchain;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.spring.KeyfenceAuthenticationEntryPoint;
import dev.keyfence.spring.KeyfenceBearerTokenResolver;
import dev.keyfence.spring.KeyfencePolicyCustomizer;
import dev.keyfence.spring.KeyfenceResourceResolver;
import dev.keyfence.spring.controllers.Parameters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The Spring README's "your own chain": the resolver for per-path profiles, Keyfence's resolver and entry point. */
@SpringBootApplication
@Import(Parameters.class)
public class ResolverChainApp {
    @Bean
    SecurityFilterChain api(HttpSecurity http, KeyfenceResourceResolver keyfence, CredentialPolicy credentials)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(keyfence)
                        .bearerTokenResolver(new KeyfenceBearerTokenResolver(credentials))
                        .authenticationEntryPoint(new KeyfenceAuthenticationEntryPoint(credentials)));
        return http.build();
    }

    @Bean
    KeyfencePolicyCustomizer testClock() {
        return policy -> policy.clock(Parameters.CLOCK[0]);
    }
}
