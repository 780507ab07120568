package dev.keyfence.remote;

import static dev.keyfence.remote.RemoteSetup.A;
import static dev.keyfence.remote.RemoteSetup.B;
import static dev.keyfence.remote.RemoteSetup.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyPolicy;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwksSourceRotationTest {
    private final RemoteSetup setup = new RemoteSetup();

    @AfterEach
    void close() {
        setup.close();
    }

    private static Reason reason(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.reason() : null;
    }

    @Test
    void acceptsNewlyPublishedKeyAtOnceThroughOneKidMissRefetch() {
        setup.serve(A);
        TokenValidator engine = setup.engine();
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();

        setup.serve(A, B);
        Verdict withB = engine.validate(setup.token(B));

        assertThat(withB.valid()).as(RemoteSetup.describe(withB)).isTrue();
        assertThat(setup.server.hits(KEYS)).isEqualTo(2);
        assertThat(setup.events.count("kidMissRefetch")).isEqualTo(1);
        assertThat(setup.events.details()).contains("keyAdded key-a", "keyAdded key-b");
    }

    @Test
    void retiresRemovedKeyAfterGraceAndAcceptsItAgainAfterRollback() {
        setup.serve(A, B);
        TokenValidator engine = setup.engine(
                RemoteSetup.jwks().refreshInterval(Duration.ofMinutes(5)).build(),
                KeyPolicy.builder().retiredGrace(Duration.ofMinutes(10)).build());
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();

        setup.serve(B);
        setup.clock.advance(Duration.ofMinutes(4));
        assertThat(engine.validate(setup.token(B)).valid()).isTrue();
        assertThat(setup.refreshes.runAll()).isEqualTo(1);
        assertThat(setup.events.details()).contains("keyRetired key-a");

        setup.clock.advance(Duration.ofMinutes(9));
        assertThat(engine.validate(setup.token(A)).valid())
                .as("within the retired grace")
                .isTrue();
        setup.clock.advance(Duration.ofMinutes(1));
        assertThat(reason(engine.validate(setup.token(A)))).isEqualTo(Reason.KEY_RETIRED);
        assertThat(engine.validate(setup.token(B)).valid()).isTrue();

        setup.serve(A, B); // rollback: the IdP publishes A again
        setup.clock.advance(Duration.ofMinutes(5));
        engine.validate(setup.token(B));
        setup.refreshes.runAll();
        Verdict back = engine.validate(setup.token(A));
        assertThat(back.valid()).as(RemoteSetup.describe(back)).isTrue();
        assertThat(setup.events.details()).containsSubsequence("keyRetired key-a", "keyAdded key-a");
    }

    /**
     * A key accepted from the set is later published with the JWK {@code revoked} member, under its
     * own kid or only under a second kid of the same key material: the token verified before (a
     * verified-token cache hit) and a new one are refused with KEY_REVOKED after the next refresh.
     */
    @Test
    void aKeyLaterPublishedAsRevokedIsRefusedEvenForATokenVerifiedBefore() {
        for (boolean underAnotherKid : new boolean[] {false, true}) {
            try (RemoteSetup s = new RemoteSetup()) {
                s.serve(A);
                TokenValidator engine = s.engine(RemoteSetup.jwks()
                        .refreshInterval(Duration.ofMinutes(5))
                        .build());
                String before = s.token(A);
                assertThat(engine.validate(before).valid()).isTrue();

                var revoked = A.jwk()
                        .kid(underAnotherKid ? "key-a-old" : "key-a")
                        .member(
                                "revoked",
                                java.util.Map.of("revoked_at", s.clock.instant().getEpochSecond()));
                s.server.serveKeys(KEYS, underAnotherKid ? JwkSet.of(A.jwk(), revoked) : JwkSet.of(revoked));
                s.clock.advance(Duration.ofMinutes(4)); // four fifths of the interval: refresh ahead
                assertThat(engine.validate(before).valid())
                        .as("the set is not read again yet")
                        .isTrue();
                assertThat(s.refreshes.runAll()).isEqualTo(1);

                for (String token : List.of(before, s.token(A))) {
                    Verdict v = engine.validate(token);
                    assertThat(reason(v))
                            .as("under another kid: %s", underAnotherKid)
                            .isEqualTo(Reason.KEY_REVOKED);
                    assertThat(RemoteSetup.describe(v)).contains("revoked member");
                }
            }
        }
    }

    @Test
    void refreshRunsInBackgroundWhileRequestsUseCachedKeys() {
        setup.serve(A);
        TokenValidator engine = setup.engine(
                RemoteSetup.jwks().refreshInterval(Duration.ofMinutes(5)).build());
        Verdict v0 = engine.validate(setup.token(A));
        assertThat(v0.valid()).as(RemoteSetup.describe(v0)).isTrue();

        setup.clock.advance(Duration.ofMinutes(3));
        engine.validate(setup.token(A));
        assertThat(setup.refreshes.pending()).as("not due yet").isZero();

        setup.clock.advance(Duration.ofMinutes(1)); // four fifths of the interval: refresh ahead, in the background
        setup.serve(B);
        for (int i = 0; i < 5; i++) {
            assertThat(engine.validate(setup.token(A)).valid())
                    .as("cached keys still serve")
                    .isTrue();
        }
        assertThat(setup.server.hits(KEYS)).as("no request fetched").isEqualTo(1);
        assertThat(setup.refreshes.pending())
                .as("one refresh queued for all requests")
                .isEqualTo(1);

        setup.refreshes.runAll();
        assertThat(setup.server.hits(KEYS)).isEqualTo(2);
        assertThat(setup.events.details()).contains("keyAdded key-b", "keyRetired key-a");
        assertThat(reason(engine.validate(setup.token(A)))).isEqualTo(Reason.KEY_RETIRED);
        assertThat(engine.validate(setup.token(B)).valid()).isTrue();
        assertThat(setup.events.count("fetched")).isEqualTo(2);
    }

    @Test
    void concurrentFirstRequestsShareOneFetch() throws InterruptedException, ExecutionException {
        setup.serve(A);
        setup.server.delay(KEYS, Duration.ofMillis(200));
        TokenValidator engine = setup.engine();
        String token = setup.token(A);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Verdict>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return engine.validate(token);
                }));
            }
            go.countDown();
            for (Future<Verdict> f : results) {
                assertThat(f.get().valid()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(setup.server.hits(KEYS)).isEqualTo(1);
    }

    @Test
    void readsKeysFromDiscoveryWhenItsIssuerMatches() {
        setup.serve(A);
        setup.server.discovery(
                "/idp/.well-known/openid-configuration",
                setup.issuer,
                setup.server.uri(KEYS).toString());
        TokenValidator engine = setup.engine(setup.policy(
                dev.keyfence.KeySource.discovery(setup.server.uri("/idp/.well-known/openid-configuration")),
                RemoteSetup.jwks().build(),
                KeyPolicy.builder().build()));

        Verdict v = engine.validate(setup.token(A));

        assertThat(v.valid()).as(RemoteSetup.describe(v)).isTrue();
        assertThat(setup.server.hits("/idp/.well-known/openid-configuration")).isEqualTo(1);
    }

    @Test
    void rereadsKeyFileOnRefresh(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("keys.json");
        java.nio.file.Files.writeString(file, JwkSet.of(A).toJson());
        TokenValidator engine = setup.engine(setup.policy(
                dev.keyfence.KeySource.file(file),
                RemoteSetup.jwks().refreshInterval(Duration.ofMinutes(1)).build(),
                KeyPolicy.builder().build()));
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();

        java.nio.file.Files.writeString(file, JwkSet.of(B).toJson());
        setup.clock.advance(Duration.ofMinutes(1));
        engine.validate(setup.token(A));
        setup.refreshes.runAll();

        assertThat(engine.validate(setup.token(B)).valid()).isTrue();
        assertThat(reason(engine.validate(setup.token(A)))).isEqualTo(Reason.KEY_RETIRED);
    }
}
