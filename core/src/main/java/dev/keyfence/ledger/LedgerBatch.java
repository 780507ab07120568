package dev.keyfence.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One write to the ledger: observations of keys and sources' key sets, stored atomically
 * (all or nothing). Observations are merged into what the ledger knows; see {@link KeyRecord#merge}.
 *
 * @param keys key observations, at most one per thumbprint
 * @param sources key sets, at most one per source
 */
public record LedgerBatch(List<KeyRecord> keys, List<SourceKeySet> sources) {
    /** A batch with nothing in it. */
    public static final LedgerBatch EMPTY = new LedgerBatch(List.of(), List.of());

    public LedgerBatch {
        keys = List.copyOf(coalesceKeys(keys).values());
        sources = List.copyOf(coalesceSources(sources).values());
    }

    /** A batch of key observations. */
    public static LedgerBatch of(KeyRecord... keys) {
        return new LedgerBatch(List.of(keys), List.of());
    }

    /** A batch holding one source's key set. */
    public static LedgerBatch of(SourceKeySet set) {
        return new LedgerBatch(List.of(), List.of(set));
    }

    /** True when the batch holds nothing. */
    public boolean isEmpty() {
        return keys.isEmpty() && sources.isEmpty();
    }

    /** How many keys and sets the batch holds. */
    public int size() {
        return keys.size() + sources.size();
    }

    /** True when some key in the batch carries a revocation or a reinstatement (an operator's decision). */
    public boolean hasOperatorAction() {
        return keys.stream()
                .anyMatch(k -> !k.revocations().isEmpty() || !k.reinstatements().isEmpty());
    }

    /** Both batches in one, records of the same key or source merged. Commutative and associative. */
    public LedgerBatch merge(LedgerBatch other) {
        List<KeyRecord> k = new ArrayList<>(keys);
        k.addAll(other.keys);
        List<SourceKeySet> s = new ArrayList<>(sources);
        s.addAll(other.sources);
        return new LedgerBatch(k, s);
    }

    static Map<String, KeyRecord> coalesceKeys(Collection<KeyRecord> records) {
        Map<String, KeyRecord> out = new LinkedHashMap<>();
        for (KeyRecord r : records) {
            out.merge(r.thumbprint(), r, KeyRecord::merge);
        }
        return out;
    }

    static Map<String, SourceKeySet> coalesceSources(Collection<SourceKeySet> sets) {
        Map<String, SourceKeySet> out = new LinkedHashMap<>();
        for (SourceKeySet s : sets) {
            out.merge(s.source(), s, SourceKeySet::merge);
        }
        return out;
    }
}
