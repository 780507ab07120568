package dev.keyfence.internal.ledger;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerState;
import dev.keyfence.ledger.SourceKeySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ledger writes off the request path: {@link #submit} only merges into a pending batch in
 * memory and returns; one background thread stores pending work as one batch, and on failure
 * merges it back and retries with exponential backoff. Merging makes the queue bounded by the
 * number of distinct keys; past {@code maxPendingKeys} new key observations are dropped (and
 * counted), while revocations and reinstatements are never dropped.
 */
public final class LedgerWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);

    private final KeyLedger ledger;
    private final Clock clock;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final int maxPendingKeys;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, KeyRecord> pendingKeys = new LinkedHashMap<>();
    private final Map<String, SourceKeySet> pendingSources = new LinkedHashMap<>();
    private final Thread thread;
    private int inFlight;
    /** The batch being stored now (empty between stores): still pending until the ledger took it. */
    private LedgerBatch storing = new LedgerBatch(List.of(), List.of());

    private boolean stopping;
    private LedgerState.Status status = LedgerState.Status.UP;
    private long dropped;
    private Optional<Instant> lastSuccess = Optional.empty();
    private Optional<String> lastProblem = Optional.empty();
    private Duration backoff;

    /**
     * Starts the writer's thread.
     *
     * @param minBackoff the first wait after a failed write; doubled after each failure up to {@code maxBackoff}
     * @param maxPendingKeys how many distinct keys may wait before new plain observations are dropped
     */
    public LedgerWriter(KeyLedger ledger, Clock clock, Duration minBackoff, Duration maxBackoff, int maxPendingKeys) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minBackoff = Objects.requireNonNull(minBackoff, "minBackoff");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("0 < minBackoff <= maxBackoff");
        }
        if (maxPendingKeys < 1) {
            throw new IllegalArgumentException("maxPendingKeys must be positive");
        }
        this.maxPendingKeys = maxPendingKeys;
        this.backoff = minBackoff;
        this.thread = new Thread(this::run, "keyfence-ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** A writer with production defaults: backoff 100 ms to 30 s, 10 000 pending keys. */
    public static LedgerWriter start(KeyLedger ledger, Clock clock) {
        return new LedgerWriter(ledger, clock, Duration.ofMillis(100), Duration.ofSeconds(30), 10_000);
    }

    /** Queues a batch for storing and returns at once; never blocks on the ledger. */
    public void submit(LedgerBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (KeyRecord r : batch.keys()) {
                boolean operator =
                        !r.revocations().isEmpty() || !r.reinstatements().isEmpty();
                if (!operator && pendingKeys.size() >= maxPendingKeys && !pendingKeys.containsKey(r.thumbprint())) {
                    dropped++;
                    continue;
                }
                pendingKeys.merge(r.thumbprint(), r, KeyRecord::merge);
            }
            for (SourceKeySet s : batch.sources()) {
                pendingSources.merge(s.source(), s, SourceKeySet::merge);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until everything submitted before this call is stored, or {@code timeout} passes.
     *
     * @return true when nothing is pending any more
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!pendingKeys.isEmpty() || !pendingSources.isEmpty() || inFlight > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The ledger's state as this writer saw it last, with what is pending now: waiting, and in the
     * batch being stored (which is pending until the ledger has taken it).
     */
    public LedgerState state() {
        lock.lock();
        try {
            Map<String, KeyRecord> keys = new LinkedHashMap<>(pendingKeys);
            storing.keys().forEach(r -> keys.merge(r.thumbprint(), r, KeyRecord::merge));
            Set<String> sources = new HashSet<>(pendingSources.keySet());
            storing.sources().forEach(s -> sources.add(s.source()));
            int operator = 0;
            for (KeyRecord r : keys.values()) {
                if (!r.revocations().isEmpty() || !r.reinstatements().isEmpty()) {
                    operator++;
                }
            }
            return new LedgerState(
                    status,
                    ledger.describe(),
                    keys.size() + sources.size(),
                    operator,
                    dropped,
                    lastSuccess,
                    lastProblem);
        } finally {
            lock.unlock();
        }
    }

    /** Tries to store what is pending for up to {@code timeout}, then stops the thread; what is still pending is reported, never printed. */
    public void close(Duration timeout) {
        try {
            flush(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
            int left = pendingKeys.size() + pendingSources.size();
            if (left > 0) {
                LOG.warn("ledger {}: stopping with {} observations not stored", ledger.describe(), left);
            }
        } finally {
            lock.unlock();
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void run() {
        while (true) {
            LedgerBatch batch;
            lock.lock();
            try {
                while (!stopping && pendingKeys.isEmpty() && pendingSources.isEmpty()) {
                    changed.await();
                }
                if (stopping) {
                    return;
                }
                batch = new LedgerBatch(
                        new ArrayList<>(pendingKeys.values()), new ArrayList<>(pendingSources.values()));
                pendingKeys.clear();
                pendingSources.clear();
                storing = batch;
                inFlight++;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            Optional<String> problem = store(batch);
            lock.lock();
            try {
                inFlight--;
                storing = new LedgerBatch(List.of(), List.of());
                if (problem.isEmpty()) {
                    status = LedgerState.Status.UP;
                    lastSuccess = Optional.of(clock.instant());
                    backoff = minBackoff;
                    changed.signalAll();
                    continue;
                }
                status = LedgerState.Status.DOWN;
                lastProblem = problem;
                for (KeyRecord r : batch.keys()) {
                    pendingKeys.merge(r.thumbprint(), r, KeyRecord::merge);
                }
                for (SourceKeySet s : batch.sources()) {
                    pendingSources.merge(s.source(), s, SourceKeySet::merge);
                }
                changed.signalAll();
                long wait = backoff.toNanos();
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                while (wait > 0 && !stopping) {
                    wait = changed.awaitNanos(wait);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private Optional<String> store(LedgerBatch batch) {
        try {
            ledger.append(batch);
            return Optional.empty();
        } catch (LedgerException e) {
            // a ledger may throw without a message: that must not end this thread and lose the batch
            String problem =
                    Objects.requireNonNullElse(e.getMessage(), "ledger " + ledger.describe() + ": append failed");
            LOG.warn("{}; will retry ({} observations pending)", problem, batch.size());
            return Optional.of(problem);
        } catch (RuntimeException e) {
            // A bug in a ledger must not lose a revocation: keep the batch and retry like an outage.
            LOG.error(
                    "ledger {}: unexpected {} while storing; will retry",
                    ledger.describe(),
                    e.getClass().getName());
            return Optional.of("unexpected " + e.getClass().getSimpleName());
        }
    }
}
