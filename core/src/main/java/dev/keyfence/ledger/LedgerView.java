package dev.keyfence.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one ledger instance has read of an append-only log so far: the merged snapshot, the
 * position up to which the log was read (a byte offset or a sequence number), and the batches
 * read but not yet handed to subscribers. A thread-safe building block for {@link KeyLedger}
 * implementations that read an append-only log (the embedded and the JDBC ledgers use it): a
 * failing subscriber is logged by its exception class only and never stops the others.
 */
public final class LedgerView {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerView.class);

    private final List<KeyLedger.Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<LedgerBatch> undelivered = new ArrayList<>();
    private LedgerSnapshot snapshot = LedgerSnapshot.EMPTY;
    private long position;

    /** A view that has read nothing yet: an empty snapshot at position 0, no subscribers. */
    public LedgerView() {}

    /** Where the next read of the log starts. */
    public synchronized long position() {
        return position;
    }

    /** Everything read so far, merged. */
    public synchronized LedgerSnapshot snapshot() {
        return snapshot;
    }

    /** Merges batches read from the log up to {@code newPosition}; they are delivered to subscribers by {@link #deliver()}. */
    public synchronized void absorb(List<LedgerBatch> batches, long newPosition) {
        LedgerSnapshot next = snapshot;
        for (LedgerBatch b : batches) {
            next = next.plus(b);
        }
        snapshot = next;
        position = Math.max(position, newPosition);
        if (!listeners.isEmpty()) {
            undelivered.addAll(batches);
        }
    }

    /**
     * Starts reading a replaced log (after compaction) from its beginning; what is known stays
     * known, and reading it again changes nothing.
     */
    public synchronized void rewind() {
        position = 0;
    }

    /** Adds a subscriber; it receives batches absorbed from now on. */
    public KeyLedger.Subscription subscribe(KeyLedger.Listener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** True when someone listens. */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Hands every absorbed, undelivered batch to every subscriber, on the calling thread. */
    public void deliver() {
        List<LedgerBatch> batches;
        synchronized (this) {
            if (undelivered.isEmpty()) {
                return;
            }
            batches = List.copyOf(undelivered);
            undelivered.clear();
        }
        for (LedgerBatch b : batches) {
            for (KeyLedger.Listener l : listeners) {
                try {
                    l.stored(b);
                } catch (RuntimeException e) {
                    LOG.warn("ledger listener failed: {}", e.getClass().getName());
                }
            }
        }
    }

    /** Tells every subscriber that the ledger watches for changes from now on. */
    public void watching(Instant at) {
        for (KeyLedger.Listener l : listeners) {
            try {
                l.watching(at);
            } catch (RuntimeException e) {
                LOG.warn("ledger listener failed: {}", e.getClass().getName());
            }
        }
    }

    /** Tells every subscriber that the ledger could not be read. */
    public void unavailable(String problem, Instant at) {
        for (KeyLedger.Listener l : listeners) {
            try {
                l.unavailable(problem, at);
            } catch (RuntimeException e) {
                LOG.warn("ledger listener failed: {}", e.getClass().getName());
            }
        }
    }

    /** Drops every subscriber. */
    public void clear() {
        listeners.clear();
    }
}
