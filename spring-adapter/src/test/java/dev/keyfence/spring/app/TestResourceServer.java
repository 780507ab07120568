package dev.keyfence.spring.app;

import dev.keyfence.spring.KeyfenceAuthenticationToken;
import dev.keyfence.spring.KeyfencePolicyCustomizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A resource server using Keyfence through auto-configuration only, on a test clock. */
@SpringBootApplication
public class TestResourceServer {
    /** The clock the validator reads; tests set it through {@link #CLOCK_HOLDER}. */
    public static final Clock[] CLOCK_HOLDER = new Clock[1];

    @Bean
    KeyfencePolicyCustomizer testClock() {
        return policy -> policy.clock(CLOCK_HOLDER[0]);
    }

    @RestController
    static class Me {
        @GetMapping({"/api/me", "/consumer/api/me", "/calendar/api/me", "/actuator-free/ping"})
        Map<String, Object> me(KeyfenceAuthenticationToken auth) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", auth.getName());
            body.put("issuer", auth.issuer());
            body.put("tenant", auth.tenant().orElse(null));
            body.put("keyScope", auth.keyScope());
            body.put(
                    "authorities",
                    auth.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .sorted()
                            .toList());
            return body;
        }
    }
}
