package dev.keyfence.spring;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeySourceHealth;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support, when actuator is on the classpath: a health indicator {@code keyfence} computed
 * once per probe over every key source (per-tenant sources summarised), and the {@code keyfence} endpoint.
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
public class KeyfenceActuatorAutoConfiguration {

    /** The health of every key source. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.health.contributor.HealthIndicator",
                "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"
            })
    static class Health {
        @Bean(name = "keyfenceHealthContributor")
        @ConditionalOnMissingBean(name = "keyfenceHealthContributor")
        @ConditionalOnEnabledHealthIndicator("keyfence")
        HealthIndicator keyfenceHealthContributor(TokenValidator validator) {
            return new KeySourceHealth(validator::sourceStatuses, validator::policy);
        }
    }

    /** The posture endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
                "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"
            })
    static class Endpoint {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(endpoint = KeyfenceEndpoint.class)
        KeyfenceEndpoint keyfenceEndpoint(TokenValidator validator, KeyfenceConfig config) {
            return new KeyfenceEndpoint(validator, config);
        }
    }
}
