package dev.keyfence;

import static dev.keyfence.KeyLifecycleSetup.AUDIENCE;
import static dev.keyfence.KeyLifecycleSetup.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyLifecycleSetup.FrontDoor;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** KEY_REVOKED: keys.revoked by kid or thumbprint, the JWK {@code revoked} member, and run-time revocation. */
class KeyRevocationTest {
    private static final Instant NOW = Instant.parse("2023-05-15T09:30:00Z");

    private final TestKey compromised = TestKey.rsa("compromised");
    private final TestKey healthy = TestKey.rsa("healthy");

    @TempDir
    Path dir;

    private String token(TestKey key) {
        return Tokens.accessToken(ISSUER, AUDIENCE, NOW).signedWith(key);
    }

    private TokenValidator validator(KeyLifecycleSetup setup, FrontDoor door) {
        return TokenValidator.create(setup.policy(door, MutableClock.at(NOW)));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsKeyRevokedByKidInConfiguration(FrontDoor door) {
        TokenValidator v = validator(
                KeyLifecycleSetup.in(dir, JwkSet.of(compromised, healthy)).revoked("kid:compromised"), door);

        assertThat(v.validate(token(compromised))).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_REVOKED);
            assertThat(r.detail()).contains("keys.revoked").contains("kid:compromised");
        });
        assertThat(v.validate(token(healthy)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsKeyRevokedByThumbprintEvenUnderAnotherKid(FrontDoor door) {
        TestKey renamed = compromised.withKid("innocent-looking");
        TokenValidator v = validator(
                KeyLifecycleSetup.in(dir, JwkSet.of(renamed, healthy)).revoked("jkt:" + compromised.thumbprint()),
                door);

        assertThat(v.validate(token(renamed)))
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_REVOKED));
        assertThat(v.validate(token(healthy)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsKeyWhoseJwkCarriesARevokedMember(FrontDoor door) {
        TokenValidator v = validator(
                KeyLifecycleSetup.in(
                        dir,
                        JwkSet.of(
                                compromised
                                        .jwk()
                                        .member(
                                                "revoked",
                                                Map.of("revoked_at", 1_684_000_000L, "reason", "keyCompromise")),
                                healthy.jwk())),
                door);

        assertThat(v.validate(token(compromised))).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_REVOKED);
            assertThat(r.detail()).contains("revoked member");
        });
        assertThat(v.keyStatuses())
                .filteredOn(s -> s.kid().orElseThrow().equals("compromised"))
                .extracting(KeyStatus::state)
                .containsExactly(KeyState.REVOKED);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void runTimeRevocationReachesEveryResourceProfile(FrontDoor door) {
        TokenValidator v = validator(KeyLifecycleSetup.in(dir, JwkSet.of(compromised, healthy)), door);
        TokenValidator other =
                v.forResource(v.resource().toBuilder().name("other").build());
        assertThat(other.validate(token(compromised)).valid()).isTrue();

        v.revoke(KeyReference.kid("compromised"), "oncall", "incident 42");

        assertThat(other.validate(token(compromised))).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_REVOKED);
            assertThat(r.detail()).contains("oncall").contains("incident 42");
        });
        assertThat(other.validate(token(healthy)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void noThreadAcceptsTheKeyAfterRevokeReturns(FrontDoor door)
            throws InterruptedException, ExecutionException, TimeoutException,
                    java.util.concurrent.BrokenBarrierException {
        TokenValidator v = validator(KeyLifecycleSetup.in(dir, JwkSet.of(compromised, healthy)), door);
        String token = token(compromised);
        assertThat(v.validate(token).valid()).isTrue();
        int threads = 8;
        int afterRevokeRounds = 200;
        AtomicBoolean revoked = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        CountDownLatch warmedUp = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<String> violations = new ArrayList<>();
                    start.await();
                    int seenAfter = 0;
                    boolean counted = false;
                    while (seenAfter < afterRevokeRounds) {
                        // read the flag BEFORE validating: true means revoke() had returned (happens-before)
                        boolean afterRevoke = revoked.get();
                        Verdict verdict = v.validate(token);
                        if (afterRevoke) {
                            seenAfter++;
                            if (!(verdict instanceof Verdict.Rejected r) || r.reason() != Reason.KEY_REVOKED) {
                                violations.add(Thread.currentThread().getName() + ": " + verdict);
                            }
                        } else if (!counted) {
                            counted = true;
                            warmedUp.countDown();
                        }
                    }
                    if (!counted) {
                        warmedUp.countDown();
                    }
                    return violations;
                }));
            }
            start.await(30, TimeUnit.SECONDS);
            assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();
            v.revoke(KeyReference.kid("compromised"), "oncall", "storm drill");
            revoked.set(true);
            List<String> violations = new ArrayList<>();
            for (Future<List<String>> f : results) {
                violations.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(violations).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(v.validate(token(healthy)).valid()).isTrue();
    }
}
