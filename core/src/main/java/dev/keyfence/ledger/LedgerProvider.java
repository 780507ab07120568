package dev.keyfence.ledger;

import java.util.Map;

/**
 * Opens ledgers of one kind from the {@code ledger:} settings; found with
 * {@link java.util.ServiceLoader} (the {@code keyfence-ledger-jdbc} artifact provides the
 * database ledger). Core provides the embedded directory ledger itself.
 */
public interface LedgerProvider {
    /** True when this provider opens ledgers for these settings (for example, for its JDBC URL scheme). */
    boolean accepts(LedgerSettings settings);

    /**
     * Opens a ledger without touching the network: a ledger that cannot be reached yet is
     * reported DOWN by its users, not refused here.
     *
     * @param environment where {@code password-env} is looked up
     * @throws dev.keyfence.ConfigurationException naming the {@code ledger.*} setting at fault
     */
    KeyLedger open(LedgerSettings settings, Map<String, String> environment);
}
