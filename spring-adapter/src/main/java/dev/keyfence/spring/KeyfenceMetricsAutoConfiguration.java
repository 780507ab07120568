package dev.keyfence.spring;

import dev.keyfence.KeySourceListener;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.MicrometerListeners;
import dev.keyfence.spring.internal.StartedMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Micrometer counters when Micrometer is on the classpath: {@code keyfence.tokens} tagged
 * outcome, reason, issuer and resource, and {@code keyfence.key.source.events} tagged source and
 * event. Counted in the application's {@link MeterRegistry}, when it has one.
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class KeyfenceMetricsAutoConfiguration {

    /** The application's registry, looked up once the context's singletons exist (never from a refresh thread). */
    @Bean
    public StartedMeterRegistry keyfenceMeterRegistry(ObjectProvider<MeterRegistry> registry) {
        return new StartedMeterRegistry(registry);
    }

    /** Counts every verdict. */
    @Bean
    public KeyfenceVerdictListener keyfenceMetricsVerdictListener(
            StartedMeterRegistry keyfenceMeterRegistry, ObjectProvider<TokenValidator> validator) {
        return MicrometerListeners.verdicts(
                keyfenceMeterRegistry::use, () -> validator.getObject().policy());
    }

    /** Counts key-source events. */
    @Bean
    public KeySourceListener keyfenceMetricsKeySourceListener(StartedMeterRegistry keyfenceMeterRegistry) {
        return MicrometerListeners.keySources(keyfenceMeterRegistry::use);
    }
}
