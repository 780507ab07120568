package dev.keyfence.spring.controllers.keyfencechain;

import dev.keyfence.spring.KeyfencePolicyCustomizer;
import dev.keyfence.spring.controllers.Parameters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** No chain of its own: Keyfence's default chain applies. */
@SpringBootApplication
@Import(Parameters.class)
public class KeyfenceChainApp {
    @Bean
    KeyfencePolicyCustomizer testClock() {
        return policy -> policy.clock(Parameters.CLOCK[0]);
    }
}
