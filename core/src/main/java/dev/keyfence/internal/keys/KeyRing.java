package dev.keyfence.internal.keys;

import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.text.Safe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keys one source publishes now, plus the keys it stopped publishing (with when), and when
 * each key was first seen. Immutable: a refresh builds a new ring from the previous one.
 */
public final class KeyRing {
    /** Most retired keys a ring remembers. */
    public static final int MAX_RETIRED = 100;

    private final Instant fetchedAt;
    private final List<TrackedKey> keys;
    private final Map<String, TrackedKey> byKid;
    private final Map<String, String> excluded;
    private final Map<String, Instant> firstSeen;
    private final Map<String, Retired> retired;

    /** A key that vanished from its source at {@code at}. */
    public record Retired(TrackedKey key, Instant at) {}

    private KeyRing(
            Instant fetchedAt,
            List<TrackedKey> keys,
            Map<String, String> excluded,
            Map<String, Instant> firstSeen,
            Map<String, Retired> retired) {
        this.fetchedAt = fetchedAt;
        this.keys = List.copyOf(keys);
        Map<String, TrackedKey> kids = new HashMap<>();
        for (TrackedKey k : keys) {
            if (k.kid() != null) {
                kids.put(k.kid(), k);
            }
        }
        this.byKid = Map.copyOf(kids);
        this.excluded = Map.copyOf(excluded);
        this.firstSeen = Map.copyOf(firstSeen);
        this.retired = Map.copyOf(retired);
    }

    /** The first ring of a source. */
    public static KeyRing first(JwkSetReader.Result read, Instant now) {
        Map<String, Instant> seen = new HashMap<>();
        for (TrackedKey k : read.keys()) {
            seen.put(k.thumbprint(), now);
        }
        return new KeyRing(now, read.keys(), read.excluded(), seen, Map.of());
    }

    /** The ring after a successful refresh; {@code changes} receives added, returned and retired keys. */
    public KeyRing next(JwkSetReader.Result read, Instant now, Changes changes) {
        Map<String, Instant> seen = new HashMap<>(firstSeen);
        Map<String, Retired> gone = new LinkedHashMap<>(retired);
        Map<String, TrackedKey> current = new HashMap<>();
        for (TrackedKey k : read.keys()) {
            current.put(k.thumbprint(), k);
            if (gone.remove(k.thumbprint()) != null) {
                changes.reappeared(k);
            } else if (!seen.containsKey(k.thumbprint())) {
                changes.added(k);
            }
            seen.putIfAbsent(k.thumbprint(), now);
        }
        for (TrackedKey k : keys) {
            if (!current.containsKey(k.thumbprint())) {
                gone.put(k.thumbprint(), new Retired(k, now));
                changes.retired(k);
            }
        }
        // bounded memory: remember the most recently retired keys only (forgotten ones are unknown, never accepted)
        while (gone.size() > MAX_RETIRED) {
            Retired oldest = gone.values().stream()
                    .min(java.util.Comparator.comparing(Retired::at))
                    .orElseThrow();
            gone.remove(oldest.key().thumbprint());
        }
        seen.keySet().removeIf(t -> !current.containsKey(t) && !gone.containsKey(t));
        return new KeyRing(now, read.keys(), read.excluded(), seen, gone);
    }

    /** Receives what a refresh changed. */
    public interface Changes {
        void added(TrackedKey key);

        void reappeared(TrackedKey key);

        void retired(TrackedKey key);
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }
    /** Keys published now. */
    public List<TrackedKey> keys() {
        return keys;
    }
    /** Keys no longer published, by thumbprint. */
    public Map<String, Retired> retired() {
        return retired;
    }
    /** Why keys were left out, by kid (or {@code #index}). */
    public Map<String, String> excluded() {
        return excluded;
    }

    /** When the key was first seen in this source. */
    public Instant firstSeen(TrackedKey key) {
        return firstSeen.getOrDefault(key.thumbprint(), fetchedAt);
    }

    /** When the key was removed from the source, or null while it is published. */
    public @Nullable Instant retiredAt(TrackedKey key) {
        Retired r = retired.get(key.thumbprint());
        return r == null ? null : r.at();
    }

    /**
     * Finds the key a token names: by {@code kid} among published then retired keys, or, without
     * a kid, the single published key that fits the algorithm.
     */
    public Lookup find(@Nullable String kid, JwsAlgorithm alg) {
        if (kid != null) {
            TrackedKey k = byKid.get(kid);
            if (k == null) {
                for (Retired r : retired.values()) {
                    if (kid.equals(r.key().kid())) {
                        k = r.key();
                        break;
                    }
                }
            }
            if (k == null) {
                String why = excluded.get(kid);
                return Lookup.missing(
                        why == null
                                ? "no key with kid " + Safe.text(kid)
                                : "key " + Safe.text(kid) + " left out: " + why,
                        why == null);
            }
            if (!k.fits(alg)) {
                return Lookup.missing(
                        "key " + Safe.text(kid) + " cannot verify " + alg.name() + ": " + k.misfit(alg), false);
            }
            return Lookup.found(k);
        }
        List<TrackedKey> candidates = new ArrayList<>();
        for (TrackedKey k : keys) {
            if (k.fits(alg)) {
                candidates.add(k);
            }
        }
        if (candidates.size() == 1) {
            return Lookup.found(candidates.get(0));
        }
        return Lookup.missing("no kid, and " + candidates.size() + " keys fit " + alg.name(), candidates.isEmpty());
    }

    /** The result of {@link #find}: a key, or why none, and whether a refetch could help. */
    public record Lookup(@Nullable TrackedKey key, @Nullable String problem, boolean unknown) {
        static Lookup found(TrackedKey key) {
            return new Lookup(key, null, false);
        }

        static Lookup missing(String problem, boolean unknown) {
            return new Lookup(null, problem, unknown);
        }
    }
}
