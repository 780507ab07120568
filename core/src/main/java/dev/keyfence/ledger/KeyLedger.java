package dev.keyfence.ledger;

import java.time.Instant;

/**
 * Durable key knowledge, shared by every validator on the same ledger: a local directory
 * ({@link KeyLedgers#directory}) or a database ({@code keyfence-ledger-jdbc}). Writes merge into
 * what is known (see {@link KeyRecord#merge}); nothing is ever removed, so instances writing in
 * any order agree.
 *
 * <p>Implementations are thread-safe. Every method may block on I/O: a validator calls them from
 * background threads only, never on the request path.
 *
 * <pre>{@code
 * try (KeyLedger ledger = KeyLedgers.directory(Path.of("/var/lib/keyfence"))) {
 *     ledger.revoke(jkt, new KeyRecord.Action("alice", "key leaked", Instant.now()));
 *     boolean revoked = ledger.load().key(jkt).orElseThrow().revoked();   // true, on every instance
 * }
 * }</pre>
 */
public interface KeyLedger extends AutoCloseable {

    /**
     * Everything the ledger holds now, including what other instances wrote.
     *
     * @throws LedgerException when the ledger cannot be read
     */
    LedgerSnapshot load();

    /**
     * Stores a batch durably: when this returns, the batch survives a crash of this process
     * (and, for a database, of this host) and every later {@link #load} on any instance sees it.
     *
     * @throws LedgerException when the batch could not be stored (then it may or may not be stored; retrying is safe)
     */
    void append(LedgerBatch batch);

    /**
     * Calls {@code listener}, on a background thread, with every batch that any instance (this
     * one included) stores after this call. Batches may arrive more than once; merging them is
     * idempotent.
     */
    Subscription subscribe(Listener listener);

    /** Where the ledger lives, for logs and health: a directory, or a database URL without credentials or query. */
    String describe();

    /** Records an operator's revocation of the key material {@code thumbprint}; durable when it returns. */
    default void revoke(String thumbprint, KeyRecord.Action revocation) {
        append(LedgerBatch.of(KeyRecord.of(thumbprint).revoked(revocation)));
    }

    /** Records an operator's reinstatement (ending revocation and retirement) of {@code thumbprint}; durable when it returns. */
    default void reinstate(String thumbprint, KeyRecord.Action reinstatement) {
        append(LedgerBatch.of(KeyRecord.of(thumbprint).reinstated(reinstatement)));
    }

    /** Stops background work; the ledger's data stays where it is. */
    @Override
    void close();

    /** Receives batches stored by any instance. */
    @FunctionalInterface
    interface Listener {
        /** One stored batch. Called on a ledger thread; must not block for long. */
        void stored(LedgerBatch batch);

        /**
         * The ledger watches for changes again (after subscribing, or after an outage): every
         * batch stored from now on will be delivered.
         */
        default void watching(Instant at) {}

        /** The ledger could not be read while watching for changes; it keeps trying. */
        default void unavailable(String problem, Instant at) {}
    }

    /** An active subscription; closing it stops the calls. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
