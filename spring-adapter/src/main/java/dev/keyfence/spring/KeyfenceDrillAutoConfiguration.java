package dev.keyfence.spring;

import dev.keyfence.ConfigurationException;
import dev.keyfence.Drill;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.DrillHealth;
import dev.keyfence.spring.internal.DrillService;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.KeyfencePropertyException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The drill in Spring Boot: the {@code keyfence-drill} actuator endpoint (off unless exposed,
 * admin-only), an optional scheduled self-drill ({@code keyfence.drill.schedule}, e.g. {@code PT6H})
 * whose result is the health indicator {@code keyfenceDrill}, and the Micrometer gauge
 * {@code keyfence.drill.controls.min} (the fewest controls that catch a 2023 key forgery alone).
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
public class KeyfenceDrillAutoConfiguration {
    static final String SCHEDULE = "keyfence.drill.schedule";
    static final String MIN_INTERVAL = "keyfence.drill.min-interval";
    static final String MIN_CONTROLS = "keyfence.drill.min-controls";
    static final String AUTHORITY = "keyfence.drill.authority";

    /** The drills of this application's policy; scheduled when {@code keyfence.drill.schedule} is set. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DrillService keyfenceDrillService(TokenValidator validator, KeyfenceConfig config, Environment env) {
        Duration minInterval = duration(env, MIN_INTERVAL, true).orElse(Duration.ofMinutes(1));
        int minControls = Drill.DEFAULT_MIN_CONTROLS;
        String controls = env.getProperty(MIN_CONTROLS);
        if (controls != null) {
            try {
                minControls = Integer.parseInt(controls.strip());
            } catch (NumberFormatException e) {
                throw new KeyfencePropertyException(
                        MIN_CONTROLS,
                        "not a number: " + controls,
                        new ConfigurationException(MIN_CONTROLS, "not a number"));
            }
        }
        if (minControls < 1) {
            throw new KeyfencePropertyException(
                    MIN_CONTROLS,
                    "at least 1, was " + minControls,
                    new ConfigurationException(MIN_CONTROLS, "at least 1"));
        }
        DrillService service = new DrillService(validator, config, minControls, minInterval);
        duration(env, SCHEDULE, false).ifPresent(service::schedule);
        return service;
    }

    private static Optional<Duration> duration(Environment env, String property, boolean zeroAllowed) {
        String text = env.getProperty(property);
        if (text == null) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new KeyfencePropertyException(
                    property,
                    "not an ISO-8601 duration such as PT6H: " + text,
                    new ConfigurationException(property, "not a duration"));
        }
        if (d.isNegative() || !zeroAllowed && d.isZero()) {
            throw new KeyfencePropertyException(
                    property,
                    "must be positive, was " + text,
                    new ConfigurationException(property, "must be positive"));
        }
        return Optional.of(d);
    }

    /** The admin-only endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
                "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"
            })
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(endpoint = KeyfenceDrillEndpoint.class)
        KeyfenceDrillEndpoint keyfenceDrillEndpoint(DrillService drills, Environment env) {
            return new KeyfenceDrillEndpoint(
                    drills, env.getProperty(AUTHORITY, KeyfenceDrillEndpoint.DEFAULT_AUTHORITY));
        }
    }

    /** The scheduled self-drill's health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.health.contributor.HealthIndicator",
                "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"
            })
    @ConditionalOnProperty(SCHEDULE)
    static class HealthConfiguration {
        @Bean(name = "keyfenceDrillHealthIndicator")
        @ConditionalOnMissingBean(name = "keyfenceDrillHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("keyfenceDrill")
        HealthIndicator keyfenceDrillHealthIndicator(DrillService drills) {
            return new DrillHealth(drills);
        }
    }

    /** The gauge of the fewest controls standing between a forged key and the data. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MetricsConfiguration {
        @Bean
        MeterBinder keyfenceDrillMeterBinder(DrillService drills) {
            return registry -> Gauge.builder(
                            "keyfence.drill.controls.min",
                            drills,
                            d -> d.latest()
                                    .map(r -> (double) r.minimumKeyForgeryControls())
                                    .orElse(Double.NaN))
                    .description("Fewest controls that catch a 2023 key forgery alone, by the latest drill")
                    .register(registry);
        }
    }
}
