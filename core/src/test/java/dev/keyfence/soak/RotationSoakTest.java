package dev.keyfence.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.KeySourceListener;
import dev.keyfence.KeyStatus;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rotation soak: two threads validate continuously while a real key server on 127.0.0.1 rotates
 * the enterprise keys, retires and revokes some, fails in every way (500, slow beyond the timeout,
 * truncated, garbage, oversized) and lets a consumer key drift into the enterprise set. An oracle
 * that knows what the server published and what was revoked decides every expected verdict;
 * the test asserts 0 wrong verdicts, no heap growth after GC and no thread leak.
 *
 * <p>Each phase changes the server, then drives the validator to see the change through its public
 * API (a kid miss refetches; the clock moves past the refetch interval) before the threads run, so
 * every verdict is decidable. About 60 s in the test command; {@code -Psoak} runs 30 minutes
 * ({@code -Dkeyfence.soak.seconds=1800}).
 */
class RotationSoakTest {
    static final String ENT = "https://login.soak.example.test/enterprise/v2.0";
    static final String CON = "https://login.soak.example.test/consumer/v2.0";
    static final String AUD = "api://mail";
    static final long SECONDS = Long.getLong("keyfence.soak.seconds", 60);
    static final List<String> FAULTS = List.of("500", "slow", "truncated", "garbage", "oversized");

    final MutableClock clock = MutableClock.at(Instant.parse("2025-03-01T10:00:00Z"));
    final AtomicInteger fetched = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    @Test
    void verdictsStayRightThroughRotationRetirementRevocationFaultsAndDrift() throws InterruptedException {
        try (JwksServer server = JwksServer.start()) {
            TestKey consumer = TestKey.ec("con-1", "P-256");
            List<TestKey> published = new ArrayList<>(List.of(TestKey.ec("ent-0", "P-256")));
            List<TestKey> retired = new ArrayList<>();
            Set<String> revoked = new HashSet<>();
            boolean drift = false;
            server.serveKeys("/ent/keys", JwkSet.of(published.toArray(new TestKey[0])));
            server.serveKeys("/con/keys", JwkSet.of(consumer));
            TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("enterprise")
                            .issuer(ENT)
                            .keySource(KeySource.jwksUri(server.uri("/ent/keys").toString()))
                            .keyScope("enterprise")
                            .build())
                    .issuer(TrustedIssuer.builder()
                            .name("consumer")
                            .issuer(CON)
                            .keySource(KeySource.jwksUri(server.uri("/con/keys").toString()))
                            .keyScope("consumer")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences(AUD)
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .keys(KeyPolicy.builder().retiredGrace(Duration.ZERO).build())
                    .jwks(JwksSettings.builder()
                            .allowHttpLoopback(true)
                            .timeout(Duration.ofMillis(500))
                            .minRefetchInterval(Duration.ofSeconds(30))
                            .maxStale(Duration.ofHours(24))
                            .maxBytes(64 * 1024)
                            .build())
                    .listener(new KeySourceListener() {
                        @Override
                        public void fetched(String source, int keys) {
                            fetched.incrementAndGet();
                        }

                        @Override
                        public void fetchFailed(String source, String problem) {
                            failed.incrementAndGet();
                        }
                    })
                    .clock(clock)
                    .build());
            TestKey attacker = TestKey.ec("attacker", "P-256");
            Random random = new Random(17);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            long verdicts = 0;
            List<String> wrong = new ArrayList<>();
            long baselineHeap = 0;
            int baselineThreads = 0;
            Map<String, Integer> actions = new LinkedHashMap<>();
            int keyNumber = 1;
            int phase = 0;
            while (System.nanoTime() < deadline || phase < 8) {
                String action = switch (phase % 6) {
                    case 0, 3 -> "rotate";
                    case 1 -> "fault " + FAULTS.get(random.nextInt(FAULTS.size()));
                    case 2 -> "heal";
                    case 4 -> "revoke";
                    default -> drift ? "rotate" : "drift";
                };
                actions.merge(action.startsWith("fault") ? "fault" : action, 1, Integer::sum);
                if (action.equals("rotate")) {
                    published.add(TestKey.ec("ent-" + keyNumber++, "P-256"));
                    if (published.size() > 3) {
                        retired.add(published.remove(0));
                    }
                    serve(server, published, drift ? consumer : null);
                    converge(validator, published, drift ? consumer : null);
                } else if (action.startsWith("fault")) {
                    int before = failed.get();
                    inject(server, action.substring(6));
                    for (int i = 0; i < 50 && failed.get() == before; i++) {
                        probe(validator, "fault-" + phase + "-" + i);
                    }
                    assertThat(failed.get())
                            .as("a fetch failed during " + action)
                            .isGreaterThan(before);
                } else if (action.equals("heal")) {
                    server.delay("/ent/keys", Duration.ZERO);
                    serve(server, published, drift ? consumer : null);
                    converge(validator, published, drift ? consumer : null);
                } else if (action.equals("revoke")) {
                    String kid = published.get(0).kid();
                    validator.revoke(KeyReference.kid(kid), "soak", "rotation soak");
                    revoked.add(kid);
                } else {
                    drift = true;
                    serve(server, published, consumer);
                    converge(validator, published, consumer);
                }
                clock.advance(Duration.ofSeconds(1));
                Map<String, String> cases = tokens(published, retired, revoked, drift, consumer, attacker);
                verdicts += run(validator, cases, wrong, phase);
                if (phase == 5) {
                    baselineHeap = heapAfterGc();
                    baselineThreads = liveThreads();
                }
                phase++;
            }
            long endHeap = heapAfterGc();
            int endThreads = liveThreads();
            System.out.printf(
                    "rotation soak: %d s, %d phases %s, %d verdicts, %d wrong; heap after GC %d KiB -> %d KiB;"
                            + " threads %d -> %d; fetches %d ok, %d failed%n",
                    SECONDS,
                    phase,
                    actions,
                    verdicts,
                    wrong.size(),
                    baselineHeap / 1024,
                    endHeap / 1024,
                    baselineThreads,
                    endThreads,
                    fetched.get(),
                    failed.get());
            assertThat(wrong).as("wrong verdicts").isEmpty();
            assertThat(verdicts).isPositive();
            assertThat(endHeap).as("heap after GC does not grow").isLessThan(baselineHeap + 16L * 1024 * 1024);
            // A leak grows with the phases (here well over 100); the HTTP client's pooled workers come and go by a few.
            assertThat(endThreads).as("no thread leak: " + threadNames()).isLessThanOrEqualTo(baselineThreads + 8);
        }
    }

    /** The oracle: each token with the verdict the published state and revocations call for. */
    Map<String, String> tokens(
            List<TestKey> published,
            List<TestKey> retired,
            Set<String> revoked,
            boolean drift,
            TestKey consumer,
            TestKey attacker) {
        Instant now = clock.instant();
        Map<String, String> cases = new LinkedHashMap<>();
        for (TestKey k : published) {
            cases.put(
                    Tokens.accessToken(ENT, AUD, now).signedWith(k),
                    revoked.contains(k.kid()) ? "KEY_REVOKED" : "accepted");
        }
        for (TestKey k : retired.subList(Math.max(0, retired.size() - 4), retired.size())) {
            cases.put(
                    Tokens.accessToken(ENT, AUD, now).signedWith(k),
                    revoked.contains(k.kid()) ? "KEY_REVOKED" : "KEY_RETIRED");
        }
        TestKey newest = published.get(published.size() - 1);
        cases.put(
                Tokens.accessToken(ENT, AUD, now).kid(newest.kid()).signedWith(attacker.withKid(newest.kid())),
                revoked.contains(newest.kid()) ? "KEY_REVOKED" : "SIGNATURE_INVALID");
        cases.put(Tokens.accessToken(CON, AUD, now).signedWith(consumer), "KEY_SCOPE_NOT_ACCEPTED");
        if (drift) {
            cases.put(Tokens.accessToken(ENT, AUD, now).signedWith(consumer), "KEY_SCOPE_NOT_ACCEPTED");
        }
        cases.put(
                Tokens.accessToken(ENT, "api://other", now).signedWith(newest),
                revoked.contains(newest.kid()) ? "KEY_REVOKED" : "AUDIENCE_NOT_ACCEPTED");
        return cases;
    }

    /** Two threads validate every case, shuffled, for a number of rounds; returns the verdict count. */
    static long run(TokenValidator validator, Map<String, String> cases, List<String> wrong, int phase)
            throws InterruptedException {
        List<String> tokens = new ArrayList<>(cases.keySet());
        ConcurrentLinkedQueue<String> mistakes = new ConcurrentLinkedQueue<>();
        AtomicLong count = new AtomicLong();
        CountDownLatch done = new CountDownLatch(2);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int seed = phase * 2 + t;
            Thread worker = new Thread(
                    () -> {
                        try {
                            List<String> order = new ArrayList<>(tokens);
                            Random r = new Random(seed);
                            for (int round = 0; round < 40; round++) {
                                Collections.shuffle(order, r);
                                for (String token : order) {
                                    Verdict v = validator.validate(token);
                                    String got = v instanceof Verdict.Rejected rej
                                            ? rej.reason().name()
                                            : "accepted";
                                    count.incrementAndGet();
                                    if (!got.equals(cases.get(token)) && mistakes.size() < 20) {
                                        mistakes.add("phase " + phase + ": expected " + cases.get(token) + ", got "
                                                + got
                                                + (v instanceof Verdict.Rejected rej ? " (" + rej.detail() + ")" : ""));
                                    }
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "soak-" + t);
            worker.start();
            workers.add(worker);
        }
        assertThat(done.await(5, TimeUnit.MINUTES)).isTrue();
        for (Thread worker : workers) {
            worker.join(TimeUnit.MINUTES.toMillis(1));
        }
        wrong.addAll(mistakes);
        return count.get();
    }

    static void serve(JwksServer server, List<TestKey> published, TestKey drifted) {
        List<TestKey> keys = new ArrayList<>(published);
        if (drifted != null) {
            keys.add(drifted);
        }
        server.serveKeys("/ent/keys", JwkSet.of(keys.toArray(new TestKey[0])));
    }

    static void inject(JwksServer server, String fault) {
        switch (fault) {
            case "500" -> server.respond("/ent/keys", 500, "{\"error\":\"oops\"}");
            case "slow" -> server.delay("/ent/keys", Duration.ofSeconds(5));
            case "truncated" ->
                server.respond("/ent/keys", 200, "application/json", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-2");
            case "garbage" -> server.respond("/ent/keys", 200, "text/html", "<html>maintenance</html>");
            default ->
                server.respond(
                        "/ent/keys",
                        200,
                        "application/json",
                        "{\"keys\":[],\"pad\":\"" + "x".repeat(100 * 1024) + "\"}");
        }
    }

    /** Kid misses refetch (the clock moves past the refetch interval each time) until the validator sees {@code published}. */
    void converge(TokenValidator validator, List<TestKey> published, TestKey drifted) {
        Set<String> expected = published.stream().map(TestKey::kid).collect(Collectors.toSet());
        if (drifted != null) {
            expected.add(drifted.kid());
        }
        for (int i = 0; i < 50; i++) {
            if (expected.equals(activeEnterpriseKids(validator))) {
                return;
            }
            probe(validator, "converge-" + i);
        }
        assertThat(activeEnterpriseKids(validator))
                .as("the validator sees the published enterprise keys")
                .isEqualTo(expected);
    }

    void probe(TokenValidator validator, String kid) {
        clock.advance(Duration.ofSeconds(31));
        validator.validate(Tokens.accessToken(ENT, AUD, clock.instant())
                .signedWith(TestKey.ec("probe", "P-256").withKid(kid)));
    }

    static Set<String> activeEnterpriseKids(TokenValidator validator) {
        Set<String> kids = new HashSet<>();
        for (KeyStatus k : validator.keyStatuses()) {
            if (k.source().equals("enterprise") && k.retiredAt().isEmpty()) {
                k.kid().ifPresent(kids::add);
            }
        }
        return kids;
    }

    static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /** Live threads of the JVM (test code is in module dev.keyfence, which does not read java.management). */
    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
