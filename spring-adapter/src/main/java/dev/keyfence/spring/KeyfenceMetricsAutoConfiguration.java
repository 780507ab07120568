package dev.keyfence.spring;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeySourceListener;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.KeyfencePropertyException;
import dev.keyfence.spring.internal.MicrometerListeners;
import dev.keyfence.spring.internal.StartedMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Micrometer counters when Micrometer is on the classpath: {@code keyfence.tokens} tagged
 * outcome, reason, issuer and resource, and {@code keyfence.key.source.events} tagged source and
 * event; with {@code keyfence.metrics.tenant-tags=true} both also carry a {@code tenant} tag (a
 * tenant an issuer's {@code tenants:} list names, else {@code other}), so the meter count stays
 * bounded by configuration. Counted in the application's {@link MeterRegistry}, when it has one.
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class KeyfenceMetricsAutoConfiguration {
    static final String TENANT_TAGS = "keyfence.metrics.tenant-tags";

    /** The application's registry, looked up once the context's singletons exist (never from a refresh thread). */
    @Bean
    public StartedMeterRegistry keyfenceMeterRegistry(ObjectProvider<MeterRegistry> registry) {
        return new StartedMeterRegistry(registry);
    }

    /** Counts every verdict. */
    @Bean
    public KeyfenceVerdictListener keyfenceMetricsVerdictListener(
            StartedMeterRegistry keyfenceMeterRegistry, ObjectProvider<TokenValidator> validator, Environment env) {
        return MicrometerListeners.verdicts(
                keyfenceMeterRegistry::use, () -> validator.getObject().policy(), tenantTags(env));
    }

    /** Counts key-source events. */
    @Bean
    public KeySourceListener keyfenceMetricsKeySourceListener(
            StartedMeterRegistry keyfenceMeterRegistry, ObjectProvider<KeyfenceConfig> config, Environment env) {
        return MicrometerListeners.keySources(
                keyfenceMeterRegistry::use, () -> config.getObject().policy().issuers(), tenantTags(env));
    }

    /**
     * {@value #TENANT_TAGS}: {@code true} adds the bounded {@code tenant} tag, default {@code false}.
     *
     * @throws KeyfencePropertyException naming the property for any other value
     */
    static boolean tenantTags(Environment env) {
        String text = env.getProperty(TENANT_TAGS);
        if (text == null || text.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (text.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new KeyfencePropertyException(
                TENANT_TAGS, "must be true or false", new ConfigurationException(TENANT_TAGS, "must be true or false"));
    }
}
