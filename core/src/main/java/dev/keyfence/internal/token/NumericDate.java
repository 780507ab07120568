package dev.keyfence.internal.token;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads NumericDate claims: any JSON number (integer or not), seconds since the epoch. Values
 * beyond the representable range are clamped a year short of {@link Instant#MAX} / {@link Instant#MIN},
 * so that adding or subtracting a clock skew never overflows.
 */
public final class NumericDate {
    private static final Duration MARGIN = Duration.ofDays(366);
    /** The latest instant a NumericDate reads as. */
    public static final Instant FAR_FUTURE = Instant.MAX.minus(MARGIN);
    /** The earliest instant a NumericDate reads as. */
    public static final Instant FAR_PAST = Instant.MIN.plus(MARGIN);

    private NumericDate() {}

    /** True when {@code value} is a JSON number, which {@link #of(Object)} reads as an instant. */
    public static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    /** The instant (clamped to [FAR_PAST, FAR_FUTURE]), or null when the value is not a JSON number. */
    public static @Nullable Instant of(@Nullable Object value) {
        if (value instanceof Long l) {
            if (l >= FAR_FUTURE.getEpochSecond()) {
                return FAR_FUTURE;
            }
            return l <= FAR_PAST.getEpochSecond() ? FAR_PAST : Instant.ofEpochSecond(l);
        }
        if (value instanceof Double d) {
            if (d >= FAR_FUTURE.getEpochSecond()) {
                return FAR_FUTURE;
            }
            if (d <= FAR_PAST.getEpochSecond()) {
                return FAR_PAST;
            }
            long whole = (long) Math.floor(d);
            return Instant.ofEpochSecond(whole, (long) ((d - whole) * 1e9));
        }
        return null;
    }
}
