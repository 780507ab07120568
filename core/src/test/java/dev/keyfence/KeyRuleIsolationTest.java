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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each key-lifecycle control alone (every other control off) rejects its attack and lets a good token through. */
class KeyRuleIsolationTest {
    private static final Instant MAY_2023 = Instant.parse("2023-05-15T09:30:00Z");
    private static final Instant APR_2016 = Instant.parse("2016-04-01T00:00:00Z");

    private final TestKey bad = TestKey.rsa("bad-key");
    private final TestKey good = TestKey.rsa("good-key");

    @TempDir
    Path dir;

    private static String token(TestKey key, Instant now) {
        return Tokens.accessToken(ISSUER, AUDIENCE, now).signedWith(key);
    }

    private static void assertCaught(TokenValidator e, String attack, String legit, Reason reason) {
        assertThat(e.validate(attack))
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class,
                        r -> assertThat(r.reason()).as(r.detail()).isEqualTo(reason));
        assertThat(e.validate(legit).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void validityWindowAloneRejectsExpiredKey(FrontDoor door) {
        KeyLifecycleSetup s = KeyLifecycleSetup.in(
                dir, JwkSet.of(bad.jwk().certificate(APR_2016, Instant.parse("2021-04-01T00:00:00Z")), good.jwk()));
        TokenValidator e = TokenValidator.create(s.policy(door, MutableClock.at(MAY_2023)).toBuilder()
                .controls(java.util.Set.of(Control.KEY_VALIDITY_WINDOW))
                .build());

        assertCaught(e, token(bad, MAY_2023), token(good, MAY_2023), Reason.KEY_EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void validityWindowAloneRejectsFutureKey(FrontDoor door) {
        KeyLifecycleSetup s = KeyLifecycleSetup.in(dir, JwkSet.of(bad.jwk(), good.jwk()))
                .window("kid:bad-key", "2024-01-01T00:00:00Z", null);
        TokenValidator e = TokenValidator.create(s.policy(door, MutableClock.at(MAY_2023)).toBuilder()
                .controls(java.util.Set.of(Control.KEY_VALIDITY_WINDOW))
                .build());

        assertCaught(e, token(bad, MAY_2023), token(good, MAY_2023), Reason.KEY_NOT_YET_VALID);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void maxAgeAloneRejectsOldKey(FrontDoor door) {
        KeyLifecycleSetup s = KeyLifecycleSetup.in(dir, JwkSet.of(bad.jwk().member("iat", APR_2016), good.jwk()))
                .maxAge(Duration.parse("P400D"));
        TokenValidator e = TokenValidator.create(s.policy(door, MutableClock.at(MAY_2023)).toBuilder()
                .controls(java.util.Set.of(Control.KEY_MAX_AGE))
                .build());

        assertCaught(e, token(bad, MAY_2023), token(good, MAY_2023), Reason.KEY_TOO_OLD);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void tokenInKeyWindowAloneRejectsTokenIssuedAfterKeyExpired(FrontDoor door) {
        // the key window check is off: only the token's iat against the key's window catches this
        KeyLifecycleSetup s = KeyLifecycleSetup.in(
                dir, JwkSet.of(bad.jwk().certificate(APR_2016, Instant.parse("2021-04-01T00:00:00Z")), good.jwk()));
        TokenValidator e = TokenValidator.create(s.policy(door, MutableClock.at(MAY_2023)).toBuilder()
                .controls(java.util.Set.of(Control.TOKEN_IN_KEY_WINDOW))
                .build());

        assertCaught(e, token(bad, MAY_2023), token(good, MAY_2023), Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void revocationAloneRejectsRevokedKey(FrontDoor door) {
        KeyLifecycleSetup s = KeyLifecycleSetup.in(dir, JwkSet.of(bad, good)).revoked("kid:bad-key");
        TokenValidator e = TokenValidator.create(s.policy(door, MutableClock.at(MAY_2023)).toBuilder()
                .controls(java.util.Set.of(Control.KEY_REVOCATION))
                .build());

        assertCaught(e, token(bad, MAY_2023), token(good, MAY_2023), Reason.KEY_REVOKED);
        e.revoke(KeyReference.thumbprint(good.thumbprint()), "test", "run-time");
        assertThat(e.validate(token(good, MAY_2023)))
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_REVOKED));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void retirementAloneRejectsRemovedKeyAfterGrace(FrontDoor door) {
        KeyLifecycleSetup s = KeyLifecycleSetup.in(dir, JwkSet.of(bad, good)).retiredGrace(Duration.ofMinutes(10));
        MutableClock clock = MutableClock.at(MAY_2023);
        TokenValidator e = TokenValidator.create(s.policy(door, clock).toBuilder()
                .controls(java.util.Set.of(Control.KEY_RETIREMENT))
                .build());
        assertThat(e.validate(token(bad, clock.instant())).valid()).isTrue();

        s.publish(JwkSet.of(good));
        clock.advance(Duration.ofMinutes(6));
        assertThat(e.validate(token(bad, clock.instant())).valid())
                .as("within grace")
                .isTrue();
        clock.advance(Duration.ofMinutes(11));

        assertCaught(e, token(bad, clock.instant()), token(good, clock.instant()), Reason.KEY_RETIRED);
    }
}
