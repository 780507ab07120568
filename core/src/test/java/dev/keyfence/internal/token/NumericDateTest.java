package dev.keyfence.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * NumericDate reading at the clamps: a time claim at or beyond them reads as the clamp itself, so
 * that adding a clock skew to any date a token carries never overflows.
 */
class NumericDateTest {
    @Test
    void readsIntegersAndFractionsAsSecondsSinceTheEpoch() {
        assertThat(NumericDate.of(1_700_000_000L)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(NumericDate.of(1_700_000_000.25)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
        assertThat(NumericDate.of(-1.5)).isEqualTo(Instant.ofEpochSecond(-2, 500_000_000));
        assertThat(NumericDate.of("1700000000")).isNull();
        assertThat(NumericDate.of(null)).isNull();
    }

    @Test
    void integerAtTheFarFutureReadsAsTheClampItself() {
        long farFuture = NumericDate.FAR_FUTURE.getEpochSecond();
        assertThat(NumericDate.of(farFuture)).isEqualTo(NumericDate.FAR_FUTURE);
        assertThat(NumericDate.of(farFuture - 1)).isEqualTo(Instant.ofEpochSecond(farFuture - 1));
        assertThat(NumericDate.of(Long.MAX_VALUE)).isEqualTo(NumericDate.FAR_FUTURE);
        assertThat(NumericDate.of(Long.MIN_VALUE)).isEqualTo(NumericDate.FAR_PAST);
        long farPast = NumericDate.FAR_PAST.getEpochSecond();
        assertThat(NumericDate.of(farPast + 1)).isEqualTo(Instant.ofEpochSecond(farPast + 1));
    }

    @Test
    void numberAtTheFarFutureReadsAsTheClampItself() {
        // the far future's epoch second is not a double: the comparison sees the nearest double
        double farFuture = NumericDate.FAR_FUTURE.getEpochSecond();
        assertThat(NumericDate.of(farFuture)).isEqualTo(NumericDate.FAR_FUTURE);
        assertThat(NumericDate.of(Math.nextDown(farFuture))).isBefore(NumericDate.FAR_FUTURE);
        assertThat(NumericDate.of(1e300)).isEqualTo(NumericDate.FAR_FUTURE);
        assertThat(NumericDate.of(-1e300)).isEqualTo(NumericDate.FAR_PAST);
        double farPast = NumericDate.FAR_PAST.getEpochSecond();
        assertThat(NumericDate.of(Math.nextUp(farPast))).isAfter(NumericDate.FAR_PAST);
    }
}
