package dev.keyfence.ledger;

import dev.keyfence.ConfigurationException;
import dev.keyfence.internal.ledger.DirectoryLedger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/** Opens ledgers: the embedded one in a directory, or whichever provider accepts the settings. */
public final class KeyLedgers {
    private KeyLedgers() {}

    /**
     * The embedded ledger in {@code directory} (created if missing): an append-only, checksummed
     * log, fsynced on every write, shared safely by the processes of one host.
     *
     * @throws ConfigurationException naming {@code ledger.directory} when it cannot be created or written
     */
    public static KeyLedger directory(Path directory) {
        return DirectoryLedger.open(directory, DirectoryLedger.DEFAULT_POLL_INTERVAL);
    }

    /** The ledger these settings name, with {@code password-env} looked up in the process environment. */
    public static KeyLedger open(LedgerSettings settings) {
        return open(settings, System.getenv());
    }

    /**
     * The ledger these settings name, with {@code password-env} looked up in {@code environment}.
     *
     * @throws ConfigurationException naming {@code ledger.jdbc-url} when no provider on the class
     *         path opens that kind of database (add {@code keyfence-ledger-jdbc}), or the setting at fault
     */
    public static KeyLedger open(LedgerSettings settings, Map<String, String> environment) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environment, "environment");
        if (settings.directory().isPresent()) {
            return directory(settings.directory().get());
        }
        for (LedgerProvider provider : ServiceLoader.load(LedgerProvider.class, KeyLedgers.class.getClassLoader())) {
            if (provider.accepts(settings)) {
                return provider.open(settings, environment);
            }
        }
        throw new ConfigurationException(
                "ledger.jdbc-url",
                "no ledger provider for "
                        + LedgerUrls.redact(settings.jdbcUrl().orElse("")) + " on the class path; add the artifact "
                        + "dev.keyfence:keyfence-ledger-jdbc (PostgreSQL)");
    }
}
