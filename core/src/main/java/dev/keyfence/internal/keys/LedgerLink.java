package dev.keyfence.internal.keys;

import dev.keyfence.KeySourceListener;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.ledger.LedgerWriter;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerSnapshot;
import dev.keyfence.ledger.LedgerState;
import dev.keyfence.ledger.SourceKeySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one validator's key knowledge to a {@link KeyLedger}. At start it loads the ledger
 * once on its own thread (retrying with backoff while the ledger is down) and seeds
 * {@link KnownKeys} with every key's scopes and first sighting, and each source with its stored
 * last good set; it subscribes and merges what any instance stores (revocations and
 * retirements above all); and it hands what the validator's own sources teach to a batching
 * {@link LedgerWriter}, never blocking a fetch or a request. Checks read its revocations and
 * retirements from immutable maps, without I/O or locks.
 */
public final class LedgerLink implements KnowledgeObserver, KeyLedger.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerLink.class);
    private static final Duration MAX_LOAD_BACKOFF = Duration.ofSeconds(30);

    private final KeyLedger ledger;
    private final KnownKeys known;
    private final Clock clock;
    private final KeySourceListener listener;
    private final Duration restoreSetEvery;
    private final LedgerWriter writer;
    private final CountDownLatch firstLoad = new CountDownLatch(1);
    private final Map<String, String> storedSetText = new ConcurrentHashMap<>();
    private final Map<String, Instant> storedSetReadAt = new ConcurrentHashMap<>();
    private final Set<String> republishedReported = ConcurrentHashMap.newKeySet();
    private final Thread loader;
    private volatile Consumer<SourceKeySet> remembered = s -> {};
    private volatile KeyLedger.@Nullable Subscription subscription;
    /** Every record known, merged; replaced whole under {@code this}. */
    private Map<String, KeyRecord> records = new HashMap<>();

    private volatile Map<String, Instant> retired = Map.of();
    private volatile Map<String, KeyRecord.Action> revoked = Map.of();
    private volatile Map<String, SourceKeySet> sets = Map.of();
    private volatile Optional<String> readProblem = Optional.empty();
    private volatile boolean closed;

    private LedgerLink(
            KeyLedger ledger, KnownKeys known, Clock clock, KeySourceListener listener, Duration restoreSetEvery) {
        this.ledger = ledger;
        this.known = known;
        this.clock = clock;
        this.listener = listener;
        this.restoreSetEvery = restoreSetEvery;
        this.writer = LedgerWriter.start(ledger, clock);
        this.loader = new Thread(this::loadUntilDone, "keyfence-ledger-load");
        loader.setDaemon(true);
    }

    /**
     * Subscribes to the ledger, starts its first load on a background thread, and starts
     * observing {@code known}. Nothing here blocks on the ledger.
     *
     * @param restoreSetEvery a source's unchanged key set is stored again once its stored read
     *                        is this old, so that its {@code readAt} stays recent
     */
    public static LedgerLink start(
            KeyLedger ledger, KnownKeys known, Clock clock, KeySourceListener listener, Duration restoreSetEvery) {
        LedgerLink link = new LedgerLink(ledger, known, clock, listener, restoreSetEvery);
        link.subscription = subscribeQuietly(ledger, link);
        known.observe(link);
        link.loader.start();
        return link;
    }

    /**
     * Waits up to {@code timeout} for the first load to end (with the ledger's knowledge, or with
     * a failure: then validation starts from memory and the load is retried in the background).
     */
    public void awaitFirstLoad(Duration timeout) {
        try {
            if (!firstLoad.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn(
                        "ledger {}: not loaded within {}; validating from memory until it is",
                        ledger.describe(),
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Receives each source's stored last good set once the ledger is loaded (and later ones, if loaded late). */
    public void onRememberedSet(Consumer<SourceKeySet> consumer) {
        this.remembered = consumer;
        sets.values().forEach(consumer);
    }

    /** The last good set the ledger holds for {@code source}, if any. */
    public Optional<SourceKeySet> rememberedSet(String source) {
        return Optional.ofNullable(sets.get(source));
    }

    /** When the key material was retired in the ledger (removed from a set, not reinstated since), or null. */
    public @Nullable Instant retiredAt(String thumbprint) {
        return retired.get(thumbprint);
    }

    /** The revocation in force in the ledger for the key material, or null. */
    public KeyRecord.@Nullable Action revocation(String thumbprint) {
        return revoked.get(thumbprint);
    }

    /** Queues a revocation of each key material for the ledger and applies it here at once. */
    public void revoke(Set<String> thumbprints, String actor, String why) {
        KeyRecord.Action action = new KeyRecord.Action(actor, why, clock.instant());
        List<KeyRecord> out = new ArrayList<>();
        for (String t : thumbprints) {
            try {
                out.add(KeyRecord.of(t).revoked(action));
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "ledger {}: a revocation naming no valid thumbprint is not recorded: {}",
                        ledger.describe(),
                        e.getMessage());
            }
        }
        record(new LedgerBatch(out, List.of()));
    }

    /** The ledger's state: DOWN while it cannot be read or written, with what waits to be stored. */
    public LedgerState state() {
        LedgerState w = writer.state();
        Optional<String> read = readProblem;
        if (read.isEmpty()) {
            return w;
        }
        return new LedgerState(
                LedgerState.Status.DOWN,
                w.ledger(),
                w.pendingKeys(),
                w.pendingOperatorActions(),
                w.droppedObservations(),
                w.lastSuccess(),
                read);
    }

    /** Waits until everything handed to the ledger so far is stored, or {@code timeout} passes. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return writer.flush(timeout);
    }

    @Override
    public void published(
            String source,
            TrustedIssuer issuer,
            JwkSetReader.Result read,
            String text,
            Set<String> removed,
            Instant now) {
        KeyRecord.Publisher publisher = new KeyRecord.Publisher(source, issuer.issuer(), issuer.keyScope());
        List<KeyRecord> out = new ArrayList<>();
        Map<String, String> kids = new HashMap<>();
        for (TrackedKey k : read.keys()) {
            if ("oct".equals(k.keyType())) {
                continue; // a secret key's thumbprint is a hash of the secret: never shared
            }
            KeyRecord r = k.kid() == null
                    ? KeyRecord.of(k.thumbprint()).seen(publisher, now)
                    : KeyRecord.of(k.thumbprint()).seen(k.kid(), publisher, now);
            r = withWindow(r, k.certNotBefore(), k.certNotAfter());
            r = withWindow(r, k.jwkNotBefore(), k.jwkExpires());
            out.add(r);
            kids.putIfAbsent(k.thumbprint(), k.label());
        }
        for (String t : read.excludedThumbprints()) {
            out.add(KeyRecord.of(t).seen(publisher, now));
        }
        for (String t : removed) {
            out.add(KeyRecord.of(t).removed(now));
        }
        List<SourceKeySet> setOut = new ArrayList<>();
        Instant stored = storedSetReadAt.get(source);
        if (!text.equals(storedSetText.get(source))
                || stored == null
                || Duration.between(stored, now).compareTo(restoreSetEvery) >= 0) {
            setOut.add(new SourceKeySet(source, text, now));
            storedSetText.put(source, text);
            storedSetReadAt.put(source, now);
        }
        record(new LedgerBatch(out, setOut));
        Map<String, Instant> r = retired;
        kids.forEach((t, label) -> {
            if (r.containsKey(t) && !removed.contains(t) && republishedReported.add(source + '\u0000' + t)) {
                LOG.warn(
                        "key source {}: key {} is published again after it was retired at {}; it stays KEY_RETIRED "
                                + "until an operator reinstates it (keyfence ledger reinstate)",
                        source,
                        label,
                        r.get(t));
                listener.keyRepublished(source, label);
            }
        });
    }

    @Override
    public void taught(String source, TrustedIssuer issuer, Set<String> thumbprints, Instant now) {
        KeyRecord.Publisher publisher = new KeyRecord.Publisher(source, issuer.issuer(), issuer.keyScope());
        List<KeyRecord> out = new ArrayList<>();
        for (String t : thumbprints) {
            out.add(KeyRecord.of(t).seen(publisher, now));
        }
        record(new LedgerBatch(out, List.of()));
    }

    @Override
    public void stored(LedgerBatch batch) {
        merge(batch.keys(), batch.sources(), false);
    }

    @Override
    public void watching(Instant at) {
        if (firstLoad.getCount() == 0) {
            readProblem = Optional.empty();
        }
    }

    @Override
    public void unavailable(String problem, Instant at) {
        readProblem = Optional.of(problem);
    }

    @Override
    public void close() {
        closed = true;
        loader.interrupt();
        KeyLedger.Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        writer.close();
    }

    /** Applies a batch here at once and queues it for the ledger. */
    private void record(LedgerBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        merge(batch.keys(), List.of(), false);
        writer.submit(batch);
    }

    private void loadUntilDone() {
        Duration backoff = Duration.ofMillis(200);
        while (!closed) {
            try {
                LedgerSnapshot snapshot = ledger.load();
                merge(snapshot.keys().values(), snapshot.sources().values(), true);
                readProblem = Optional.empty();
                if (subscription == null) {
                    subscription = subscribeQuietly(ledger, this);
                }
                LOG.info(
                        "ledger {}: loaded {} keys and {} key sets",
                        ledger.describe(),
                        snapshot.keys().size(),
                        snapshot.sources().size());
                firstLoad.countDown();
                return;
            } catch (LedgerException e) {
                // a ledger may throw without a message: that must not end this thread before the first load is counted
                String problem = problem(ledger, e, "load failed");
                readProblem = Optional.of(problem);
                LOG.warn("{}; validating from memory, retrying in {}", problem, backoff);
                firstLoad.countDown();
            }
            try {
                Thread.sleep(backoff.toMillis()); // background retry of an unreachable ledger, never a request thread
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_LOAD_BACKOFF) > 0
                    ? MAX_LOAD_BACKOFF
                    : backoff.multipliedBy(2);
        }
    }

    private static KeyLedger.@Nullable Subscription subscribeQuietly(KeyLedger ledger, LedgerLink link) {
        try {
            return ledger.subscribe(link);
        } catch (LedgerException e) {
            link.readProblem = Optional.of(problem(ledger, e, "subscribe failed"));
            return null;
        }
    }

    private static String problem(KeyLedger ledger, LedgerException e, String what) {
        return Objects.requireNonNullElse(e.getMessage(), "ledger " + ledger.describe() + ": " + what);
    }

    /**
     * Merges records (and, from the ledger, key sets) into what this link knows, then teaches
     * {@link KnownKeys} the scopes and first sightings, and replaces the revocation and
     * retirement maps.
     */
    private void merge(
            java.util.Collection<KeyRecord> incoming,
            java.util.Collection<SourceKeySet> incomingSets,
            boolean fromLoad) {
        List<KeyKnowledge> learned = new ArrayList<>();
        List<SourceKeySet> newSets = new ArrayList<>();
        synchronized (this) {
            if (!incoming.isEmpty()) {
                Map<String, KeyRecord> next = new HashMap<>(records);
                Map<String, Instant> ret = new HashMap<>(retired);
                Map<String, KeyRecord.Action> rev = new HashMap<>(revoked);
                for (KeyRecord r : incoming) {
                    KeyRecord merged = next.merge(r.thumbprint(), r, KeyRecord::merge);
                    merged.removedAt()
                            .ifPresentOrElse(
                                    at -> ret.put(merged.thumbprint(), at), () -> ret.remove(merged.thumbprint()));
                    if (merged.revoked()) {
                        rev.put(merged.thumbprint(), merged.latestRevocation().orElseThrow());
                    } else {
                        rev.remove(merged.thumbprint());
                    }
                    if (merged.firstSeen().isPresent() && !merged.publishers().isEmpty()) {
                        learned.add(knowledge(merged));
                    }
                }
                records = next;
                retired = Map.copyOf(ret);
                revoked = Map.copyOf(rev);
            }
            if (!incomingSets.isEmpty()) {
                Map<String, SourceKeySet> s = new HashMap<>(sets);
                for (SourceKeySet set : incomingSets) {
                    SourceKeySet merged = s.merge(set.source(), set, SourceKeySet::merge);
                    if (merged == set) {
                        newSets.add(set);
                    }
                }
                sets = Map.copyOf(s);
            }
        }
        known.learnAll(learned);
        if (fromLoad) {
            for (SourceKeySet set : newSets) {
                storedSetText.putIfAbsent(set.source(), set.json());
                storedSetReadAt.putIfAbsent(set.source(), set.readAt());
                remembered.accept(set);
            }
        }
    }

    private static KeyKnowledge knowledge(KeyRecord r) {
        Set<String> issuers = new HashSet<>();
        for (KeyRecord.Publisher p : r.publishers()) {
            int slash = p.source().indexOf('/');
            issuers.add(slash < 0 ? p.source() : p.source().substring(0, slash));
        }
        return KeyKnowledge.remembered(
                r.thumbprint(), r.scopes(), issuers, r.firstSeen().orElseThrow());
    }

    private static KeyRecord withWindow(KeyRecord r, @Nullable Instant notBefore, @Nullable Instant notAfter) {
        if (notBefore == null && notAfter == null
                || notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            return r;
        }
        return r.window(new KeyRecord.Window(Optional.ofNullable(notBefore), Optional.ofNullable(notAfter)));
    }
}
