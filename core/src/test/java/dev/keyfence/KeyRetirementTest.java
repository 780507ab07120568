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

/** KEY_RETIRED: a key removed from its source verifies tokens only within keys.retired-grace. */
class KeyRetirementTest {
    private static final Instant START = Instant.parse("2023-05-15T09:00:00Z");
    private static final Duration PAST_REFRESH = Duration.ofMinutes(6);

    private final TestKey old = TestKey.rsa("rotated-out");
    private final TestKey next = TestKey.rsa("rotated-in");

    @TempDir
    Path dir;

    private static String token(TestKey key, MutableClock clock) {
        return Tokens.accessToken(ISSUER, AUDIENCE, clock.instant()).signedWith(key);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void acceptsRemovedKeyWithinGraceAndRejectsItAfter(FrontDoor door) {
        KeyLifecycleSetup setup =
                KeyLifecycleSetup.in(dir, JwkSet.of(old, next)).retiredGrace(Duration.ofHours(1));
        MutableClock clock = MutableClock.at(START);
        TokenValidator v = TokenValidator.create(setup.policy(door, clock));
        assertThat(v.validate(token(old, clock)).valid()).isTrue();

        setup.publish(JwkSet.of(next));
        clock.advance(PAST_REFRESH);
        Instant removedSeenAt = clock.instant();
        assertThat(v.validate(token(old, clock)).valid()).as("within grace").isTrue();
        assertThat(v.keyStatuses())
                .filteredOn(s -> s.kid().orElseThrow().equals("rotated-out"))
                .singleElement()
                .satisfies(s -> assertThat(s.retiredAt()).contains(removedSeenAt));

        clock.advance(Duration.ofMinutes(50));
        assertThat(v.validate(token(old, clock)).valid())
                .as("still within grace")
                .isTrue();

        clock.advance(Duration.ofMinutes(11)); // 61 minutes after the removal was seen
        Verdict verdict = v.validate(token(old, clock));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_RETIRED);
            assertThat(r.detail()).contains(removedSeenAt.toString());
        });
        assertThat(v.validate(token(next, clock)).valid()).isTrue();
        assertThat(v.keyStatuses())
                .filteredOn(s -> s.kid().orElseThrow().equals("rotated-out"))
                .extracting(KeyStatus::state)
                .containsExactly(KeyState.RETIRED);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void rejectsRemovedKeyAtOnceWithoutGrace(FrontDoor door) {
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(dir, JwkSet.of(old, next));
        MutableClock clock = MutableClock.at(START);
        TokenValidator v = TokenValidator.create(setup.policy(door, clock));
        assertThat(v.validate(token(old, clock)).valid()).isTrue();

        setup.publish(JwkSet.of(next));
        clock.advance(PAST_REFRESH);

        assertThat(v.validate(token(old, clock)))
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_RETIRED));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void acceptsKeyAgainWhenItReappearsInItsSource(FrontDoor door) {
        KeyLifecycleSetup setup = KeyLifecycleSetup.in(dir, JwkSet.of(old, next));
        MutableClock clock = MutableClock.at(START);
        TokenValidator v = TokenValidator.create(setup.policy(door, clock));
        v.validate(token(old, clock));
        setup.publish(JwkSet.of(next));
        clock.advance(PAST_REFRESH);
        assertThat(v.validate(token(old, clock)))
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_RETIRED));

        setup.publish(JwkSet.of(old, next));
        clock.advance(PAST_REFRESH);

        assertThat(v.validate(token(old, clock)).valid()).isTrue();
        assertThat(v.keyStatuses())
                .filteredOn(s -> s.kid().orElseThrow().equals("rotated-out"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.retiredAt()).isEmpty();
                    assertThat(s.firstSeen()).isEqualTo(START);
                });
    }
}
