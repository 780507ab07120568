package dev.keyfence.spring;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ledger.jdbc.JdbcKeyLedger;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.KeyfencePropertyException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The key ledger in the application's own database: with {@code keyfence.ledger.use-datasource: true}
 * (and {@code keyfence-ledger-jdbc} on the class path), the validator's ledger is a
 * {@link JdbcKeyLedger} on the context's {@link DataSource}. Setting it together with
 * {@code keyfence.ledger.jdbc-url} or {@code keyfence.ledger.directory} (or a file's
 * {@code ledger:} section), or without a {@code DataSource} bean, is a configuration error naming
 * {@code keyfence.ledger.use-datasource}.
 */
@AutoConfiguration(before = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnClass(name = "dev.keyfence.ledger.jdbc.JdbcKeyLedger")
@ConditionalOnProperty(name = "keyfence.ledger.use-datasource", havingValue = "true")
public class KeyfenceLedgerAutoConfiguration {
    static final String PROPERTY = "keyfence.ledger.use-datasource";

    /** The ledger on the context's DataSource; closed with the context. */
    @Bean(name = "keyfenceLedger", destroyMethod = "close")
    JdbcKeyLedger keyfenceLedger(ObjectProvider<DataSource> dataSources, KeyfenceConfig config) {
        if (config.ledgerSettings().isPresent()) {
            throw new KeyfencePropertyException(
                    PROPERTY,
                    "give either use-datasource or jdbc-url/directory, not both",
                    new ConfigurationException("ledger.use-datasource", "contradicts the configured ledger"));
        }
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null) {
            throw new KeyfencePropertyException(
                    PROPERTY,
                    "true, but the context has no single DataSource bean",
                    new ConfigurationException("ledger.use-datasource", "no DataSource"));
        }
        return JdbcKeyLedger.builder()
                .dataSource(dataSource, "the application's DataSource")
                .build();
    }

    /** Attaches that ledger to the policy. */
    @Bean
    KeyfencePolicyCustomizer keyfenceLedgerCustomizer(JdbcKeyLedger keyfenceLedger) {
        return policy -> policy.ledger(keyfenceLedger);
    }
}
