package dev.keyfence.internal.keys;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySourceListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached key ring of one source, with its refresh, unknown-kid refetch and stale-if-error
 * rules. Refresh-ahead: once keys are four fifths of {@code refresh-interval} old, one refresh
 * starts on the refresh executor while requests go on with the ring they have, so under steady
 * traffic no request ever waits. Keys older than {@code refresh-interval} are no longer fresh: the
 * next request waits for a refresh (sharing the one in flight), and if it fails the old keys keep
 * serving, up to {@code refresh-interval + max-stale} after their fetch, after which the source is
 * unavailable (fail closed). A failed fetch never replaces good keys and is retried at most once
 * per {@code min-refetch-interval}; requests in between do not wait. At most one fetch of a source
 * runs at a time; everyone who needs one then shares it. Every good set (and the keys of a failed
 * one whose public part parses) is learned into {@link KnownKeys} before the ring is published.
 */
public final class KeySourceState {
    private static final Logger LOG = LoggerFactory.getLogger(KeySourceState.class);

    private final String label;
    private final dev.keyfence.TrustedIssuer issuer;
    private final KeySetFetcher fetcher;
    private final JwksSettings settings;
    private final Clock clock;
    private final KeySourceListener listener;
    private final Executor executor;
    private final KnownKeys known;
    /** Four fifths of the refresh interval: when a background refresh starts (computed once). */
    private final Duration refreshAhead;
    /** How old keys may be and still be used: {@code refresh-interval + max-stale}. */
    private final Duration usableFor;

    private final AtomicReference<Fetch> inFlight = new AtomicReference<>();
    private final AtomicReference<Instant> lastKidRefetch = new AtomicReference<>();

    private volatile @Nullable KeyRing ring;
    /** Guards replacing the ring, so a set remembered by the ledger never replaces a fetched one. */
    private final Object ringLock = new Object();

    private volatile @Nullable Instant lastAttempt;
    private volatile @Nullable Instant lastFailure;
    private volatile @Nullable String lastProblem;
    private volatile boolean answered;

    /**
     * @param executor runs background refreshes; {@link RefreshExecutor#shared()} in production,
     *                 a direct or queued executor in tests
     */
    public KeySourceState(
            String label,
            dev.keyfence.TrustedIssuer issuer,
            KeySetFetcher fetcher,
            JwksSettings settings,
            Clock clock,
            KeySourceListener listener,
            Executor executor,
            KnownKeys known) {
        this.known = known;
        this.label = label;
        this.issuer = issuer;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.executor = executor;
        this.refreshAhead = settings.refreshInterval().multipliedBy(4).dividedBy(5);
        this.usableFor = settings.refreshInterval().plus(settings.maxStale());
    }

    public String label() {
        return label;
    }

    /** The trusted issuer whose keys this source holds. */
    public dev.keyfence.TrustedIssuer issuer() {
        return issuer;
    }

    /** The last problem a fetch had, or null after a success. */
    public @Nullable String lastProblem() {
        return lastProblem;
    }

    /** True once a fetch of this source has ended, with keys or with a failure. */
    public boolean answered() {
        return answered;
    }

    /** When the last fetch failed, or null when the last fetch succeeded (or none ended yet). */
    public @Nullable Instant lastFailure() {
        return lastFailure;
    }

    /** Starts the first read on the refresh executor, without waiting (validator creation). */
    public void startFirstRead() {
        if (!answered) {
            startOrJoin(true); // a ring remembered by the ledger is refreshed at once too
        }
    }

    /**
     * Serves a key set remembered by the key ledger as this source's last-known-good set, read at
     * {@code readAt} (which counts toward {@code max-stale}), unless the source already holds a
     * set. A remembered set that no longer parses is ignored.
     *
     * @return true when the set now serves
     */
    public boolean remember(String json, Instant readAt) {
        JwkSetReader.Result read;
        try {
            read = JwkSetReader.read(json);
        } catch (KeySetException e) {
            LOG.warn("key source {}: the key set remembered by the ledger is not usable: {}", label, e.getMessage());
            return false;
        }
        synchronized (ringLock) {
            if (ring != null) {
                return false;
            }
            known.published(label, issuer, read, readAt);
            ring = KeyRing.first(read, readAt);
        }
        LOG.info(
                "key source {}: serving the key set the ledger remembers, read at {}, until a fetch succeeds",
                label,
                readAt);
        return true;
    }

    /**
     * Waits, bounded by the fetch timeout, until this source has answered once; never starts a
     * second read. For the first read of a source that teaches a scope a resource refuses.
     */
    public void awaitFirstAnswer() {
        if (!answered) {
            await(startOrJoin(false));
        }
    }

    /**
     * True when the source holds a good key set now: one was read and it is not older than
     * {@code refresh-interval + max-stale}.
     */
    public boolean hasGoodSet() {
        KeyRing r = ring;
        return r != null && usable(r, clock.instant());
    }

    /**
     * Starts a refresh on the refresh executor when one is due (keys past four fifths of the
     * refresh interval, or a failure at least {@code min-refetch-interval} ago); never waits.
     */
    public void refreshInBackgroundIfDue() {
        Instant now = clock.instant();
        KeyRing r = ring;
        boolean due = r == null || Duration.between(r.fetchedAt(), now).compareTo(refreshAhead) >= 0;
        if (due && inFlight.get() == null && retryAllowed(now)) {
            startOrJoin(true);
        }
    }

    /** The ring as last fetched, without fetching; null before the first success. */
    public @Nullable KeyRing cached() {
        return ring;
    }

    /**
     * The ring to validate with now, or null when no usable ring remains (fail closed). Never
     * waits while the cached keys are fresh: a refresh ahead of their expiry starts in the background.
     */
    public @Nullable KeyRing current() {
        return current(true);
    }

    /**
     * As {@link #current()}, without reporting stale serving to the listener: for indexes and
     * posture reads that serve no token.
     */
    public @Nullable KeyRing currentUnreported() {
        return current(false);
    }

    private @Nullable KeyRing current(boolean report) {
        Instant now = clock.instant();
        KeyRing r = ring;
        Duration age = r == null ? null : Duration.between(r.fetchedAt(), now); // one age per call, compared thrice
        if (r == null || age == null || !usable(age) || age.compareTo(settings.refreshInterval()) >= 0) {
            if (retryAllowed(now)) {
                await(startOrJoin(false));
                r = ring;
            }
            age = r == null ? null : Duration.between(r.fetchedAt(), now);
            if (r == null || age == null || !usable(age)) {
                return null;
            }
        } else if (age.compareTo(refreshAhead) >= 0 && inFlight.get() == null && retryAllowed(now)) {
            // four fifths into the refresh interval, a background refresh starts (once, and not right after a failure)
            startOrJoin(true);
        }
        if (report && lastProblem != null && age.compareTo(settings.refreshInterval()) > 0) {
            listener.staleServed(label, age);
        }
        return r;
    }

    /**
     * Refetches for an unknown kid, at most once per {@code min-refetch-interval} (other callers
     * within the interval return at once); returns the ring to look in again, or null when the
     * refetch was rate-limited or no usable ring remains.
     */
    public @Nullable KeyRing refetchForUnknownKid() {
        Instant now = clock.instant();
        Instant last = lastKidRefetch.get();
        boolean allowed = last == null || Duration.between(last, now).compareTo(settings.minRefetchInterval()) >= 0;
        if (!allowed || !lastKidRefetch.compareAndSet(last, now)) {
            listener.refetchRateLimited(label);
            return null;
        }
        listener.kidMissRefetch(label);
        LOG.debug("key source {}: unknown kid, refetching", label);
        await(startOrJoin(false));
        KeyRing r = ring;
        return r != null && usable(r, now) ? r : null;
    }

    private boolean usable(KeyRing r, Instant now) {
        return usable(Duration.between(r.fetchedAt(), now));
    }

    /** Keys of this age may still be used: at most {@code refresh-interval + max-stale} old. */
    private boolean usable(Duration age) {
        return age.compareTo(usableFor) <= 0;
    }

    /** After a failure, the next attempt waits {@code min-refetch-interval}. */
    private boolean retryAllowed(Instant now) {
        Instant attempt = lastAttempt;
        return lastFailure == null
                || attempt == null
                || Duration.between(attempt, now).compareTo(settings.minRefetchInterval()) >= 0;
    }

    /** The fetch in flight, or a new one: started on the executor when {@code background}. */
    private Fetch startOrJoin(boolean background) {
        Fetch mine = new Fetch();
        Fetch running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        if (background) {
            try {
                executor.execute(mine);
            } catch (RejectedExecutionException e) {
                LOG.debug("key source {}: refresh executor full, refresh skipped", label);
                mine.abandon();
            }
        }
        return mine;
    }

    /** Runs the fetch here unless a thread already runs it, then waits for its end (bounded). */
    private void await(Fetch f) {
        f.run();
        Duration limit = settings.timeout().multipliedBy(2).plusSeconds(1); // discovery = two requests
        try {
            f.done.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug(
                    "key source {}: gave up waiting for a fetch: {}",
                    label,
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One fetch, run exactly once by whichever thread gets to it first. */
    private final class Fetch implements Runnable {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicBoolean started = new AtomicBoolean();

        @Override
        public void run() {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            try {
                fetchNow();
            } finally {
                answered = true;
                inFlight.compareAndSet(this, null);
                done.complete(null);
            }
        }

        void abandon() {
            if (started.compareAndSet(false, true)) {
                inFlight.compareAndSet(this, null);
                done.complete(null);
            }
        }
    }

    /** Fetches now; only one thread at a time runs this for a source. A failure keeps the ring. */
    private void fetchNow() {
        Instant now = clock.instant();
        lastAttempt = now;
        JwkSetReader.Result read;
        String text;
        try {
            text = fetcher.fetch();
            read = JwkSetReader.read(text);
        } catch (KeySetException e) {
            known.taught(label, issuer, e.thumbprints(), now); // keys of a failed set still teach their scope
            failed(now, Objects.requireNonNullElse(e.getMessage(), "key set unusable"));
            return;
        }
        java.util.List<Runnable> events = new java.util.ArrayList<>();
        KeyRing previous;
        synchronized (ringLock) {
            previous = ring;
            KeyRing next = previous == null ? KeyRing.first(read, now) : previous.next(read, now, changes(events));
            known.published(label, issuer, read, text, now); // knowledge first: a key in the ring is always known
            ring = next; // publish first: a key is usable by the time its event fires
        }
        Map<String, String> before = previous == null ? Map.of() : previous.excluded();
        read.excluded().forEach((kid, why) -> {
            if (!why.equals(before.get(kid))) {
                LOG.warn("key source {}: key {} left out: {}", label, kid, why);
                listener.keyRejected(label, kid, why);
            }
        });
        if (lastFailure != null && previous != null) {
            LOG.info("key source {}: fetch succeeded again, keys are fresh", label);
        }
        lastProblem = null;
        lastFailure = null;
        if (previous == null) {
            read.keys().forEach(k -> listener.keyAdded(label, k.label()));
        }
        events.forEach(Runnable::run);
        listener.fetched(label, read.keys().size());
    }

    private void failed(Instant now, String problem) {
        lastProblem = problem;
        lastFailure = now;
        listener.fetchFailed(label, problem);
        KeyRing r = ring;
        if (r == null) {
            LOG.warn(
                    "key source {}: fetch failed, no keys cached (KEYS_UNAVAILABLE until a fetch succeeds): {}",
                    label,
                    problem);
        } else if (usable(r, now)) {
            LOG.warn(
                    "key source {}: fetch failed; serving last-known-good keys fetched at {} until {} (jwks.max-stale): {}",
                    label,
                    r.fetchedAt(),
                    dev.keyfence.internal.time.Instants.plus(
                            r.fetchedAt(), settings.refreshInterval().plus(settings.maxStale())),
                    problem);
        } else {
            LOG.warn(
                    "key source {}: fetch failed and the keys fetched at {} are older than jwks.max-stale allows: "
                            + "KEYS_UNAVAILABLE: {}",
                    label,
                    r.fetchedAt(),
                    problem);
        }
    }

    /** Collects what a refresh changed, to log and report once the new ring is published. */
    private KeyRing.Changes changes(java.util.List<Runnable> events) {
        return new KeyRing.Changes() {
            @Override
            public void added(TrackedKey key) {
                events.add(() -> {
                    LOG.info("key source {}: new key {}", label, key.label());
                    listener.keyAdded(label, key.label());
                });
            }

            @Override
            public void reappeared(TrackedKey key) {
                events.add(() -> {
                    LOG.warn("key source {}: key {} reappeared after it was removed", label, key.label());
                    listener.keyAdded(label, key.label());
                });
            }

            @Override
            public void retired(TrackedKey key) {
                events.add(() -> {
                    LOG.info("key source {}: key {} removed from the source (retired)", label, key.label());
                    listener.keyRetired(label, key.label());
                });
            }
        };
    }
}
