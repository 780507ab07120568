package dev.keyfence.spring.controllers.jwtdefaults;

import dev.keyfence.spring.KeyfencePolicyCustomizer;
import dev.keyfence.spring.controllers.Parameters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The root README's chain: the application's own, with {@code o.jwt(Customizer.withDefaults())}. */
@SpringBootApplication
@Import(Parameters.class)
public class JwtDefaultsApp {
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    KeyfencePolicyCustomizer testClock() {
        return policy -> policy.clock(Parameters.CLOCK[0]);
    }
}
