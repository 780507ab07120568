package dev.keyfence.cli.internal;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerSnapshot;

/**
 * A key ledger read but never written: with {@code --now}, the validator learns what the ledger
 * knows (revocations, scopes, first sightings), but what it fetches is not stored, so a forensic
 * run at a past instant never records sightings at that instant for the whole fleet.
 */
final class ReadOnlyLedger implements KeyLedger {
    private final KeyLedger ledger;

    ReadOnlyLedger(KeyLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public LedgerSnapshot load() {
        return ledger.load();
    }

    /** Stores nothing. */
    @Override
    public void append(LedgerBatch batch) {}

    @Override
    public Subscription subscribe(Listener listener) {
        return ledger.subscribe(listener);
    }

    @Override
    public String describe() {
        return ledger.describe() + " (read only: --now)";
    }

    @Override
    public void close() {
        ledger.close();
    }
}
