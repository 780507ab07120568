package dev.keyfence.internal.keys;

import dev.keyfence.TrustedIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one validator knows about keys: one {@link KeyKnowledge} per key material, and when each
 * source last published a good key set. Written only when a source publishes a set (or a failed
 * set still teaches scopes), or when knowledge from elsewhere is merged in; read without locks by
 * checks, statuses and posture, each read seeing one immutable snapshot. Knowledge never shrinks.
 */
public final class KnownKeys {
    private volatile Map<String, KeyKnowledge> keys = Map.of();
    private volatile Map<String, Instant> lastGoodRead = Map.of();
    /** Thumbprints each source published in its last good set, to notice removals. */
    private final Map<String, Set<String>> publishedBy = new HashMap<>();

    private volatile @Nullable KnowledgeObserver observer;

    /** Tells {@code observer} everything learned from the validator's own sources from now on. */
    public void observe(KnowledgeObserver observer) {
        this.observer = observer;
    }

    /** What is known of the key material with this thumbprint, or null when nothing is. */
    public @Nullable KeyKnowledge get(String thumbprint) {
        return keys.get(thumbprint);
    }

    /** Every key material known, as one snapshot. */
    public Collection<KeyKnowledge> all() {
        return keys.values();
    }

    /** When {@code source} last published a good key set, or null when it never did. */
    public @Nullable Instant lastGoodRead(String source) {
        return lastGoodRead.get(source);
    }

    /**
     * Learns a good key set of {@code source}: usable keys as entries, left-out keys as scope and
     * issuer only, and keys the source no longer publishes as removed from it at {@code now}.
     */
    public void published(String source, TrustedIssuer issuer, JwkSetReader.Result read, Instant now) {
        published(source, issuer, read, null, now);
    }

    /**
     * As {@link #published(String, TrustedIssuer, JwkSetReader.Result, Instant)}; a set read from
     * its source ({@code text} not null) is also told to the observer, a set remembered by the
     * ledger ({@code text} null) is not.
     */
    public synchronized void published(
            String source, TrustedIssuer issuer, JwkSetReader.Result read, @Nullable String text, Instant now) {
        Map<String, KeyKnowledge> next = new HashMap<>(keys);
        Map<String, List<TrackedKey>> byThumbprint = new HashMap<>();
        for (TrackedKey k : read.keys()) {
            byThumbprint.computeIfAbsent(k.thumbprint(), t -> new ArrayList<>()).add(k);
        }
        for (String t : read.excludedThumbprints()) {
            byThumbprint.putIfAbsent(t, List.of());
        }
        byThumbprint.forEach((t, entries) ->
                next.put(t, known(next, t, now).published(source, issuer.name(), issuer.keyScope(), entries)));
        Set<String> current = Set.copyOf(byThumbprint.keySet());
        Set<String> removed = new java.util.HashSet<>();
        for (String gone : publishedBy.getOrDefault(source, Set.of())) {
            if (!current.contains(gone) && next.containsKey(gone)) {
                next.put(gone, next.get(gone).removedFrom(source, now));
                removed.add(gone);
            }
        }
        publishedBy.put(source, current);
        Map<String, Instant> reads = new HashMap<>(lastGoodRead);
        reads.put(source, now);
        keys = Map.copyOf(next);
        lastGoodRead = Map.copyOf(reads);
        KnowledgeObserver o = observer;
        if (o != null && text != null) {
            o.published(source, issuer, read, text, Set.copyOf(removed), now);
        }
    }

    /**
     * Learns the scope of keys published by a set that failed as a whole (for instance because
     * none of its keys is usable): their public keys parsed, so they carry the source's scope.
     */
    public synchronized void taught(String source, TrustedIssuer issuer, Set<String> thumbprints, Instant now) {
        if (thumbprints.isEmpty()) {
            return;
        }
        Map<String, KeyKnowledge> next = new HashMap<>(keys);
        for (String t : thumbprints) {
            next.put(t, known(next, t, now).published(source, issuer.name(), issuer.keyScope(), List.of()));
        }
        keys = Map.copyOf(next);
        KnowledgeObserver o = observer;
        if (o != null) {
            o.taught(source, issuer, Set.copyOf(thumbprints), now);
        }
    }

    /**
     * Merges what another instance (or a persistent ledger) knows of a key material: scopes,
     * issuers and entries are added, the earlier first sighting wins. Never removes knowledge.
     */
    public synchronized void learn(KeyKnowledge other) {
        Map<String, KeyKnowledge> next = new HashMap<>(keys);
        KeyKnowledge mine = next.get(other.thumbprint());
        next.put(other.thumbprint(), mine == null ? other : mine.merge(other));
        keys = Map.copyOf(next);
    }

    /** Merges many keys' knowledge at once (as {@link #learn}, one snapshot replacement). */
    public synchronized void learnAll(Collection<KeyKnowledge> others) {
        if (others.isEmpty()) {
            return;
        }
        Map<String, KeyKnowledge> next = new HashMap<>(keys);
        for (KeyKnowledge other : others) {
            next.merge(other.thumbprint(), other, KeyKnowledge::merge);
        }
        keys = Map.copyOf(next);
    }

    private static KeyKnowledge known(Map<String, KeyKnowledge> map, String thumbprint, Instant now) {
        KeyKnowledge k = map.get(thumbprint);
        return k != null ? k : KeyKnowledge.first(thumbprint, now);
    }
}
