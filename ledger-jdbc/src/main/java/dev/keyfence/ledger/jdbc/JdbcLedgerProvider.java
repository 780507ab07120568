package dev.keyfence.ledger.jdbc;

import dev.keyfence.ConfigurationException;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.LedgerProvider;
import dev.keyfence.ledger.LedgerSettings;
import java.util.Map;

/**
 * Opens {@link JdbcKeyLedger}s for {@code ledger.jdbc-url: jdbc:postgresql:...}; found by
 * {@link dev.keyfence.ledger.KeyLedgers#open} through {@link java.util.ServiceLoader}.
 */
public final class JdbcLedgerProvider implements LedgerProvider {

    @Override
    public boolean accepts(LedgerSettings settings) {
        return settings.jdbcUrl().map(u -> u.startsWith("jdbc:postgresql:")).orElse(false);
    }

    @Override
    public KeyLedger open(LedgerSettings settings, Map<String, String> environment) {
        String url = settings.jdbcUrl().orElseThrow(() -> new ConfigurationException("ledger.jdbc-url", "required"));
        JdbcKeyLedger.Builder b = JdbcKeyLedger.builder().url(url);
        settings.username().ifPresent(b::username);
        if (settings.passwordEnv().isPresent()) {
            String name = settings.passwordEnv().get();
            String password = environment.get(name);
            if (password == null || password.isEmpty()) {
                throw new ConfigurationException(
                        "ledger.password-env", "the environment variable " + name + " is not set");
            }
            b.password(password);
        }
        return b.build();
    }
}
