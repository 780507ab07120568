package dev.keyfence.internal.keys;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySourceListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached key ring of one source, with its refresh, unknown-kid refetch and stale-if-error
 * rules. Readers never block while a fresh ring is cached; fetches are serialised per source,
 * so concurrent misses share one fetch.
 */
public final class KeySourceState {
    private static final Logger LOG = LoggerFactory.getLogger(KeySourceState.class);

    private final String label;
    private final KeySetFetcher fetcher;
    private final JwksSettings settings;
    private final Clock clock;
    private final KeySourceListener listener;
    private final Object fetchLock = new Object();

    private volatile KeyRing ring;
    private volatile Instant lastAttempt;
    private volatile Instant lastKidRefetch;
    private volatile String lastProblem;

    public KeySourceState(String label, KeySetFetcher fetcher, JwksSettings settings, Clock clock,
                          KeySourceListener listener) {
        this.label = label;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    public String label() { return label; }

    /** The last problem a fetch had, or null after a success. */
    public String lastProblem() { return lastProblem; }

    /** The ring as last fetched, without fetching; null before the first success. */
    public KeyRing cached() { return ring; }

    /**
     * The ring to validate with now: fetched on first use, refreshed once the refresh interval has
     * passed, and the last good ring while fetches fail for up to {@code max-stale}. Null when no
     * usable ring remains (fail closed).
     */
    public KeyRing current() {
        Instant now = clock.instant();
        KeyRing r = ring;
        if (r == null || isDue(r, now)) {
            r = fetchIfStillDue(now);
        }
        if (r == null) {
            return null;
        }
        Duration age = Duration.between(r.fetchedAt(), now);
        if (age.compareTo(settings.refreshInterval().plus(settings.maxStale())) > 0) {
            return null;
        }
        if (age.compareTo(settings.refreshInterval()) > 0) {
            listener.staleServed(label, age);
        }
        return r;
    }

    /**
     * Refetches for an unknown kid, at most once per {@code min-refetch-interval}; returns the ring
     * to look in again, or null when the refetch was rate-limited.
     */
    public KeyRing refetchForUnknownKid() {
        Instant now = clock.instant();
        synchronized (fetchLock) {
            Instant last = lastKidRefetch;
            if (last != null && Duration.between(last, now).compareTo(settings.minRefetchInterval()) < 0) {
                listener.refetchRateLimited(label);
                return null;
            }
            lastKidRefetch = now;
            listener.kidMissRefetch(label);
            fetch(now);
            return ring;
        }
    }

    private boolean isDue(KeyRing r, Instant now) {
        if (Duration.between(r.fetchedAt(), now).compareTo(settings.refreshInterval()) < 0) {
            return false;
        }
        Instant attempt = lastAttempt;
        boolean lastFailed = attempt != null && attempt.isAfter(r.fetchedAt());
        // after a failure, retry at most once per min-refetch-interval
        return !lastFailed || Duration.between(attempt, now).compareTo(settings.minRefetchInterval()) >= 0;
    }

    /** Without any keys yet, a failed source is retried at most once per min-refetch-interval. */
    private boolean firstFetchDue(Instant now) {
        Instant attempt = lastAttempt;
        return attempt == null || Duration.between(attempt, now).compareTo(settings.minRefetchInterval()) >= 0;
    }

    private KeyRing fetchIfStillDue(Instant now) {
        synchronized (fetchLock) {
            KeyRing r = ring;
            if (r == null ? firstFetchDue(now) : isDue(r, now)) {
                fetch(now);
            }
            return ring;
        }
    }

    /** Fetches now, under the fetch lock; a failure keeps the previous ring. */
    private void fetch(Instant now) {
        lastAttempt = now;
        JwkSetReader.Result read;
        try {
            read = JwkSetReader.read(fetcher.fetch());
        } catch (KeySetException e) {
            lastProblem = e.getMessage();
            listener.fetchFailed(label, e.getMessage());
            LOG.warn("key source {}: fetch failed, {}: {}", label,
                    ring == null ? "no keys cached" : "serving keys fetched at " + ring.fetchedAt(), e.getMessage());
            return;
        }
        read.excluded().forEach((kid, why) -> {
            LOG.warn("key source {}: key {} left out: {}", label, kid, why);
            listener.keyRejected(label, kid, why);
        });
        lastProblem = null;
        KeyRing previous = ring;
        if (previous == null) {
            ring = KeyRing.first(read, now);
            read.keys().forEach(k -> listener.keyAdded(label, k.label()));
        } else {
            ring = previous.next(read, now, new KeyRing.Changes() {
                @Override
                public void added(TrackedKey key) {
                    LOG.info("key source {}: new key {}", label, key.label());
                    listener.keyAdded(label, key.label());
                }

                @Override
                public void reappeared(TrackedKey key) {
                    LOG.warn("key source {}: key {} reappeared after it was removed", label, key.label());
                    listener.keyAdded(label, key.label());
                }

                @Override
                public void retired(TrackedKey key) {
                    LOG.info("key source {}: key {} removed from the source (retired)", label, key.label());
                    listener.keyRetired(label, key.label());
                }
            });
        }
        listener.fetched(label, read.keys().size());
    }
}
