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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** KEY_EXPIRED, KEY_NOT_YET_VALID and TOKEN_ISSUED_OUTSIDE_KEY_WINDOW from certificates, JWK members and declarations. */
class KeyWindowTest {
    private static final Instant APR_2016 = Instant.parse("2016-04-01T00:00:00Z");
    private static final Instant APR_2021 = Instant.parse("2021-04-01T00:00:00Z");
    private static final Instant MAY_2023 = Instant.parse("2023-05-15T09:30:00Z");

    private final TestKey legacy = TestKey.rsa("legacy-2016");
    private final TestKey current = TestKey.rsa("current-2023");

    @TempDir
    Path dir;

    private TokenValidator validator(KeyLifecycleSetup setup, FrontDoor door, Instant now) {
        return TokenValidator.create(setup.policy(door, MutableClock.at(now)));
    }

    private String token(TestKey key, Instant now) {
        return Tokens.accessToken(ISSUER, AUDIENCE, now).signedWith(key);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsTokenForgedIn2023WithKeyWhoseCertificateExpiredIn2021(FrontDoor door) {
        KeyLifecycleSetup setup =
                KeyLifecycleSetup.in(dir, JwkSet.of(legacy.jwk().certificate(APR_2016, APR_2021), current.jwk()));
        TokenValidator v = validator(setup, door, MAY_2023);

        Verdict verdict = v.validate(token(legacy, MAY_2023));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_EXPIRED);
            assertThat(r.detail()).contains("2021-04-01T00:00:00Z").contains("x5c");
            assertThat(r.kid()).contains("legacy-2016");
        });
        assertThat(v.validate(token(current, MAY_2023)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsKeyWithoutCertificateWhenItsDeclaredWindowEnded(FrontDoor door) {
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(dir, JwkSet.of(legacy.jwk(), current.jwk()))
                .window("kid:legacy-2016", "2016-04-01T00:00:00Z", "2021-04-01T00:00:00Z");
        TokenValidator v = validator(setup, door, MAY_2023);

        Verdict verdict = v.validate(token(legacy, MAY_2023));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_EXPIRED);
            assertThat(r.detail()).contains("declared");
        });
        assertThat(v.validate(token(current, MAY_2023)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsKeyWhoseDeclaredWindowNamesItByThumbprint(FrontDoor door) {
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(dir, JwkSet.of(legacy.jwk()))
                .window("jkt:" + legacy.thumbprint(), null, "2021-04-01T00:00:00Z");

        Verdict verdict = validator(setup, door, MAY_2023).validate(token(legacy, MAY_2023));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_EXPIRED));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void declaredWindowNarrowsButNeverWidensTheCertificate(FrontDoor door) {
        KeyLifecycleSetup widening = KeyLifecycleSetup.in(
                        dir, JwkSet.of(legacy.jwk().certificate(APR_2016, APR_2021)))
                .window("kid:legacy-2016", "2016-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
        Verdict widened = validator(widening, door, MAY_2023).validate(token(legacy, MAY_2023));
        assertThat(widened)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_EXPIRED));

        KeyLifecycleSetup narrowing = KeyLifecycleSetup.in(
                        dir, JwkSet.of(legacy.jwk().certificate(APR_2016, Instant.parse("2030-01-01T00:00:00Z"))))
                .window("kid:legacy-2016", null, "2021-04-01T00:00:00Z");
        TokenValidator v = validator(narrowing, door, MAY_2023);
        Verdict narrowed = v.validate(token(legacy, MAY_2023));
        assertThat(narrowed).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_EXPIRED);
            assertThat(r.detail()).contains("2021-04-01T00:00:00Z").contains("x5c+declared");
        });
        KeyStatus status = v.keyStatuses().get(0);
        assertThat(status.notBefore()).contains(APR_2016);
        assertThat(status.notAfter()).contains(APR_2021);
        assertThat(status.windowSources()).containsExactly("x5c", "declared");
        assertThat(status.state()).isEqualTo(KeyState.EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsKeyWhoseJwkExpMemberHasPassed(FrontDoor door) {
        KeyLifecycleSetup setup =
                KeyLifecycleSetup.in(dir, JwkSet.of(legacy.jwk().member("exp", APR_2021)));

        Verdict verdict = validator(setup, door, MAY_2023).validate(token(legacy, MAY_2023));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_EXPIRED);
            assertThat(r.detail()).contains("jwk");
        });
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsFutureKeyByCertificateAsNotYetValid(FrontDoor door) {
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(
                dir,
                JwkSet.of(current.jwk()
                        .certificate(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))));

        Verdict verdict = validator(setup, door, MAY_2023).validate(token(current, MAY_2023));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_YET_VALID);
            assertThat(r.detail()).contains("2024-01-01T00:00:00Z");
        });
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsFutureKeyByJwkNbfMemberAsNotYetValid(FrontDoor door) {
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(
                dir, JwkSet.of(current.jwk().member("nbf", Instant.parse("2024-01-01T00:00:00Z"))));

        Verdict verdict = validator(setup, door, MAY_2023).validate(token(current, MAY_2023));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_YET_VALID));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsTokenIssuedBeforeItsKeyBecameValid(FrontDoor door) {
        Instant keyStart = Instant.parse("2023-05-15T10:00:00Z");
        Instant now = Instant.parse("2023-05-15T10:05:00Z");
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(
                dir, JwkSet.of(current.jwk().certificate(keyStart, Instant.parse("2025-05-15T00:00:00Z"))));
        TokenValidator v = validator(setup, door, now);
        String backdated = Tokens.accessToken(ISSUER, AUDIENCE, now)
                .issuedAt(Instant.parse("2023-05-15T09:55:00Z"))
                .signedWith(current);

        Verdict verdict = v.validate(backdated);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW);
            assertThat(r.detail()).contains("2023-05-15T09:55:00Z").contains("2023-05-15T10:00:00Z");
        });
        assertThat(v.validate(token(current, now)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void leavesOutKeyWhoseCertificateHoldsAnotherKeyAndSaysWhy(FrontDoor door) {
        TestKey other = TestKey.rsa("someone-else");
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(
                dir,
                JwkSet.of(
                        legacy.jwk().certificateOf(other, APR_2016, Instant.parse("2030-01-01T00:00:00Z")),
                        current.jwk()));
        TokenValidator v = validator(setup, door, MAY_2023);

        Verdict verdict = v.validate(token(legacy, MAY_2023));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_FOUND);
            assertThat(r.detail())
                    .contains("legacy-2016")
                    .contains("x5c certificate holds another key")
                    .doesNotContain(
                            String.valueOf(legacy.jwk().toMap().get("n")).substring(0, 16))
                    .doesNotContain(String.valueOf(other.jwk().toMap().get("n")).substring(0, 16));
        });
        assertThat(v.validate(token(current, MAY_2023)).valid()).isTrue();
        assertThat(v.keyStatuses()).extracting(s -> s.kid().orElseThrow()).containsExactly("current-2023");
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void acceptsKeyInsideItsCertificateWindowAndReportsTheWindow(FrontDoor door) {
        KeyLifecycleSetup setup =
                KeyLifecycleSetup.in(dir, JwkSet.of(legacy.jwk().certificate(APR_2016, APR_2021)));
        Instant inside = Instant.parse("2018-06-01T12:00:00Z");
        TokenValidator v = validator(setup, door, inside);

        assertThat(v.validate(token(legacy, inside)).valid()).isTrue();
        KeyStatus status = v.keyStatuses().get(0);
        assertThat(status.notBefore()).contains(APR_2016);
        assertThat(status.notAfter()).contains(APR_2021);
        assertThat(status.windowSources()).containsExactly("x5c");
        assertThat(status.state()).isEqualTo(KeyState.ACTIVE);
    }
}
