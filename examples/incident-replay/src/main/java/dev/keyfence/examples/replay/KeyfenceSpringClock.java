package dev.keyfence.examples.replay;

import dev.keyfence.spring.KeyfencePolicyCustomizer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The only code the Keyfence Spring column adds to the mail API: the replay clock. Everything
 * else comes from the adapter's auto-configuration and {@code keyfence.config}.
 */
@Configuration(proxyBeanMethods = false)
public class KeyfenceSpringClock {

    /** Keyfence reads "now" from the replay clock, so the replay happens on 2023-05-15. */
    @Bean
    KeyfencePolicyCustomizer keyfenceReplayClock(Clock clock) {
        return policy -> policy.clock(clock);
    }
}
