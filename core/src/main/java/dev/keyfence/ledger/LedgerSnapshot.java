package dev.keyfence.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a ledger knows at one moment: one merged record per key material and the newest
 * key set of each source. Immutable.
 *
 * @param keys records by thumbprint
 * @param sources key sets by source name
 */
public record LedgerSnapshot(Map<String, KeyRecord> keys, Map<String, SourceKeySet> sources) {
    /** A ledger that knows nothing. */
    public static final LedgerSnapshot EMPTY = new LedgerSnapshot(Map.of(), Map.of());

    public LedgerSnapshot {
        keys = Map.copyOf(keys);
        sources = Map.copyOf(sources);
        for (Map.Entry<String, KeyRecord> e : keys.entrySet()) {
            if (!e.getKey().equals(e.getValue().thumbprint())) {
                throw new IllegalArgumentException("a record filed under another thumbprint");
            }
        }
        for (Map.Entry<String, SourceKeySet> e : sources.entrySet()) {
            if (!e.getKey().equals(e.getValue().source())) {
                throw new IllegalArgumentException("a key set filed under another source");
            }
        }
    }

    /** This snapshot with a batch merged in; the result does not depend on the order batches arrive in. */
    public LedgerSnapshot plus(LedgerBatch batch) {
        if (batch.isEmpty()) {
            return this;
        }
        Map<String, KeyRecord> k = new HashMap<>(keys);
        for (KeyRecord r : batch.keys()) {
            k.merge(r.thumbprint(), r, KeyRecord::merge);
        }
        Map<String, SourceKeySet> s = new HashMap<>(sources);
        for (SourceKeySet set : batch.sources()) {
            s.merge(set.source(), set, SourceKeySet::merge);
        }
        return new LedgerSnapshot(k, s);
    }

    /** The record of one key, if the ledger knows it. */
    public Optional<KeyRecord> key(String thumbprint) {
        return Optional.ofNullable(keys.get(thumbprint));
    }

    /** The newest key set of one source, if the ledger holds one. */
    public Optional<SourceKeySet> source(String source) {
        return Optional.ofNullable(sources.get(source));
    }
}
