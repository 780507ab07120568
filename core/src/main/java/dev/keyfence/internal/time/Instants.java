package dev.keyfence.internal.time;

import java.time.Duration;
import java.time.Instant;

/** Instant and duration arithmetic that saturates at {@link Instant#MIN}/{@link Instant#MAX} instead of throwing, for any clock. */
public final class Instants {
    private Instants() {}

    /** {@code at + d}, or {@link Instant#MAX} / {@link Instant#MIN} when that lies outside the range. */
    public static Instant plus(Instant at, Duration d) {
        if (!d.isNegative() && Duration.between(at, Instant.MAX).compareTo(d) < 0) {
            return Instant.MAX;
        }
        if (d.isNegative() && Duration.between(Instant.MIN, at).compareTo(d.negated()) < 0) {
            return Instant.MIN;
        }
        return at.plus(d);
    }

    /** {@code d}, or zero when {@code d} is negative. */
    public static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
