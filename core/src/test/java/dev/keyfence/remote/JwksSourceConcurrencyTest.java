package dev.keyfence.remote;

import static dev.keyfence.remote.RemoteSetup.A;
import static dev.keyfence.remote.RemoteSetup.B;
import static dev.keyfence.remote.RemoteSetup.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwksSourceConcurrencyTest {
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private final RemoteSetup setup = new RemoteSetup();
    private final ExecutorService pool = Executors.newFixedThreadPool(18);

    @AfterEach
    void close() {
        pool.shutdownNow();
        setup.close();
    }

    private static Reason reason(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.reason() : null;
    }

    /** Runs {@code tokens} random-kid validations spread over 8 threads; returns their reasons. */
    private List<Future<List<Reason>>> flood(TokenValidator engine, int tokens) {
        List<Future<List<Reason>>> all = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            all.add(pool.submit(() -> {
                List<Reason> reasons = new ArrayList<>();
                for (int i = 0; i < tokens / 8; i++) {
                    // no signing cost: the kid is unknown, so the signature is never looked at
                    String token = dev.keyfence.testkit.Tokens.accessToken(
                                    setup.issuer, RemoteSetup.AUDIENCE, setup.clock.instant())
                            .alg("ES256")
                            .kid(UUID.randomUUID().toString())
                            .withSignature(new byte[64]);
                    reasons.add(reason(engine.validate(token)));
                }
                return reasons;
            }));
        }
        return all;
    }

    @Test
    void kidFloodCostsOneFetchPerIntervalAndNeverBlocksKnownKids() throws InterruptedException, ExecutionException {
        setup.serve(A);
        JwksSettings settings = JwksSettings.builder()
                .allowHttpLoopback(true)
                .minRefetchInterval(MIN_REFETCH)
                .timeout(Duration.ofSeconds(8))
                .build();
        TokenValidator engine = setup.engine(settings);
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
        assertThat(setup.server.hits(KEYS)).isEqualTo(1);
        // the one refetch the flood causes hangs on a slow server until the timeout
        setup.server.delay(KEYS, Duration.ofSeconds(20));

        String tokenA = setup.token(A);
        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Verdict> valid = new ConcurrentLinkedQueue<>();
        List<Future<?>> validWorkers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            validWorkers.add(pool.submit(() -> {
                while (flooding.get()) {
                    valid.add(engine.validate(tokenA));
                }
            }));
        }
        List<Future<List<Reason>>> flood = flood(engine, 10_000);

        // while the refetch hangs on the server, tokens with known kids still pass
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (setup.server.hits(KEYS) < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(setup.server.hits(KEYS))
                .as("the kid-miss refetch reached the server")
                .isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            Verdict v = engine.validate(tokenA);
            assertThat(v.valid()).as(RemoteSetup.describe(v)).isTrue();
        }
        assertThat(setup.events.count("fetchFailed"))
                .as("known kids passed while the refetch was still pending " + setup.events.details() + " after "
                        + Duration.ofNanos(System.nanoTime() - deadline).plusSeconds(10))
                .isZero();

        List<Reason> floodReasons = new ArrayList<>();
        for (Future<List<Reason>> f : flood) {
            floodReasons.addAll(f.get());
        }
        flooding.set(false);
        for (Future<?> f : validWorkers) {
            f.get();
        }
        assertThat(floodReasons).hasSize(10_000).containsOnly(Reason.KEY_NOT_FOUND);
        assertThat(valid)
                .isNotEmpty()
                .allSatisfy(
                        v -> assertThat(v.valid()).as(RemoteSetup.describe(v)).isTrue());
        assertThat(setup.server.hits(KEYS))
                .as("one fetch in the interval, whatever the flood")
                .isEqualTo(2);
        assertThat(setup.events.count("kidMissRefetch")).isEqualTo(1);
        assertThat(setup.events.count("refetchRateLimited")).isEqualTo(9_999);

        // next interval: exactly one more fetch
        setup.server.delay(KEYS, Duration.ZERO);
        setup.clock.advance(MIN_REFETCH);
        for (Future<List<Reason>> f : flood(engine, 2_000)) {
            assertThat(f.get()).containsOnly(Reason.KEY_NOT_FOUND);
        }
        assertThat(setup.server.hits(KEYS)).isEqualTo(3);
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
    }

    @Test
    void rotationUnderLoadRejectsNoValidTokenAndNoRetiredKey() throws InterruptedException, ExecutionException {
        Duration refresh = Duration.ofMinutes(1);
        Duration grace = Duration.ofMinutes(2);
        setup.serve(A);
        TokenValidator engine = setup.engine(
                RemoteSetup.jwks()
                        .refreshInterval(refresh)
                        .minRefetchInterval(MIN_REFETCH)
                        .build(),
                KeyPolicy.builder().retiredGrace(grace).build());
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
        String tokenA = setup.token(A); // valid through every phase: the clock moves 3 of its 10 minutes
        String tokenB = setup.token(B);

        // phases: 0 A only; 1 B published; 2 B fetched; 3 A unpublished; 4 A retired and grace over
        AtomicInteger phase = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger checked = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            boolean signWithB = t % 2 == 1;
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    int before = phase.get();
                    boolean useB = signWithB && before >= 1;
                    Verdict v = engine.validate(useB ? tokenB : tokenA);
                    checked.incrementAndGet();
                    if (useB && before >= 2 && !v.valid()) {
                        wrong.add("phase " + before + ": B token " + RemoteSetup.describe(v));
                    } else if (!useB && before < 3 && !v.valid()) {
                        wrong.add("phase " + before + ": A token " + RemoteSetup.describe(v));
                    } else if (!useB && before >= 4 && reason(v) != Reason.KEY_RETIRED) {
                        wrong.add("phase " + before + ": retired A token " + RemoteSetup.describe(v));
                    } else if (useB && before == 1 && !v.valid() && reason(v) != Reason.KEY_NOT_FOUND) {
                        wrong.add("phase 1: B token " + RemoteSetup.describe(v));
                    }
                }
            }));
        }
        awaitChecks(checked, 200);
        setup.serve(A, B);
        phase.set(1);
        awaitChecks(checked, 200);
        // a worker's B token misses its kid and refetches; B tokens that arrive during that refetch
        // are rate-limited (KEY_NOT_FOUND at once, never waiting); once fetched, B must always pass
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!setup.events.details().contains("keyAdded key-b") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(setup.events.count("kidMissRefetch")).isEqualTo(1);
        Verdict firstB = engine.validate(tokenB);
        assertThat(firstB.valid()).as(RemoteSetup.describe(firstB)).isTrue();
        phase.set(2);
        awaitChecks(checked, 200);

        setup.serve(B);
        phase.set(3);
        setup.clock.advance(refresh);
        engine.validate(setup.token(B));
        setup.refreshes.runAll(); // refresh runs beside the 16 validating threads
        assertThat(setup.events.details()).contains("keyRetired key-a");
        awaitChecks(checked, 200);
        setup.clock.advance(grace);
        phase.set(4);
        awaitChecks(checked, 500);

        running.set(false);
        for (Future<?> f : workers) {
            f.get(); // no exception on any thread
        }
        assertThat(wrong).isEmpty();
    }

    /** Waits (spinning, bounded) until the workers validated {@code n} more tokens. */
    private static void awaitChecks(AtomicInteger checked, int n) {
        int target = checked.get() + n;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (checked.get() < target && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(checked.get()).isGreaterThanOrEqualTo(target);
    }
}
