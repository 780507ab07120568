package dev.keyfence.internal.checks;

import java.time.Instant;

/** Reads NumericDate claims: any JSON number (integer or not), seconds since the epoch. */
public final class NumericDate {
    private NumericDate() {
    }

    /** The instant, or null when the value is not a JSON number. */
    public static Instant of(Object value) {
        if (value instanceof Long l) {
            return l > 31_556_889_864_403_199L || l < -31_557_014_167_219_200L
                    ? (l > 0 ? Instant.MAX : Instant.MIN) : Instant.ofEpochSecond(l);
        }
        if (value instanceof Double d) {
            if (d >= 3.1e16) {
                return Instant.MAX;
            }
            if (d <= -3.1e16) {
                return Instant.MIN;
            }
            long whole = (long) Math.floor(d);
            return Instant.ofEpochSecond(whole, (long) ((d - whole) * 1e9));
        }
        return null;
    }
}
