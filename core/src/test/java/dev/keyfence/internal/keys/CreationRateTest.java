package dev.keyfence.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Per-tenant source creation is bounded per minute of the policy clock, in fixed windows. */
class CreationRateTest {
    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void allowsTheLimitThenRefusesUntilTheWindowEnds() {
        CreationRate rate = new CreationRate(2);
        assertThat(rate.tryAcquire(T)).isTrue();
        assertThat(rate.tryAcquire(T.plusSeconds(10))).isTrue();
        assertThat(rate.tryAcquire(T.plusSeconds(20))).isFalse();
        assertThat(rate.tryAcquire(T.plus(Duration.ofMinutes(1)).minusNanos(1))).isFalse();
        // the window is one minute from its first creation: exactly then a new one starts
        assertThat(rate.tryAcquire(T.plus(Duration.ofMinutes(1)))).isTrue();
        assertThat(rate.tryAcquire(T.plus(Duration.ofMinutes(1)))).isTrue();
        assertThat(rate.tryAcquire(T.plus(Duration.ofMinutes(1)))).isFalse();
    }

    @Test
    void aClockSetBackStartsANewWindow() {
        CreationRate rate = new CreationRate(1);
        assertThat(rate.tryAcquire(T)).isTrue();
        assertThat(rate.tryAcquire(T)).isFalse();
        assertThat(rate.tryAcquire(T.minusNanos(1))).isTrue();
        assertThat(rate.tryAcquire(T.minusNanos(1))).isFalse();
    }

    @Test
    void aLimitOfZeroCreatesNothing() {
        CreationRate rate = new CreationRate(0);
        assertThat(rate.tryAcquire(T)).isFalse();
        assertThat(rate.tryAcquire(T.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void aWindowNearTheEndOfTimeDoesNotOverflow() {
        CreationRate rate = new CreationRate(1);
        assertThat(rate.tryAcquire(Instant.MAX)).isTrue();
        assertThat(rate.tryAcquire(Instant.MAX)).isFalse();
    }
}
