package dev.keyfence.spring;

import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.LedgerHealth;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A health indicator {@code keyfenceLedger} for the key ledger, when actuator's health support is
 * on the class path: UP while the ledger answers; UNKNOWN with {@code keyfence=DOWN} while it
 * does not (validation goes on from memory, so the instance stays in service), with the writes
 * waiting; UNKNOWN with {@code keyfence=NONE} without a ledger.
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnClass(
        name = {
            "org.springframework.boot.health.contributor.HealthIndicator",
            "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"
        })
public class KeyfenceLedgerHealthAutoConfiguration {
    /** The ledger's health. */
    @Bean(name = "keyfenceLedgerHealthIndicator")
    @ConditionalOnMissingBean(name = "keyfenceLedgerHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("keyfence-ledger")
    HealthIndicator keyfenceLedgerHealthIndicator(TokenValidator validator) {
        return new LedgerHealth(validator);
    }
}
