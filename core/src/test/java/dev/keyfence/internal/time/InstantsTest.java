package dev.keyfence.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instant arithmetic saturates at the ends of the time line instead of throwing. */
class InstantsTest {
    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void addsWithinTheRange() {
        assertThat(Instants.plus(T, Duration.ofDays(1))).isEqualTo(T.plus(Duration.ofDays(1)));
        assertThat(Instants.plus(T, Duration.ofDays(-1))).isEqualTo(T.minus(Duration.ofDays(1)));
        assertThat(Instants.plus(T, Duration.ZERO)).isEqualTo(T);
    }

    @Test
    void reachesTheEndsExactly() {
        Duration toMax = Duration.between(T, Instant.MAX);
        assertThat(Instants.plus(T, toMax)).isEqualTo(Instant.MAX);
        Duration toMin = Duration.between(T, Instant.MIN);
        assertThat(Instants.plus(T, toMin)).isEqualTo(Instant.MIN);
    }

    @Test
    void saturatesPastTheEnds() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertThat(Instants.plus(T, huge)).isEqualTo(Instant.MAX);
        assertThat(Instants.plus(T, huge.negated())).isEqualTo(Instant.MIN);
        assertThat(Instants.plus(Instant.MAX, Duration.ofNanos(1))).isEqualTo(Instant.MAX);
        assertThat(Instants.plus(Instant.MIN, Duration.ofNanos(-1))).isEqualTo(Instant.MIN);
        assertThat(Instants.plus(Instant.MAX.minusSeconds(1), Duration.ofSeconds(1)))
                .isEqualTo(Instant.MAX.minusSeconds(1).plusSeconds(1));
    }

    @Test
    void nonNegativeClampsAtZero() {
        assertThat(Instants.nonNegative(Duration.ofSeconds(-1))).isEqualTo(Duration.ZERO);
        assertThat(Instants.nonNegative(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(Instants.nonNegative(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }
}
