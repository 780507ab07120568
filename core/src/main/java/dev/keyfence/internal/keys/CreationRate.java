package dev.keyfence.internal.keys;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code limit} creations per minute of the policy clock (a fixed window): bounds how
 * many per-tenant key sources, and so outbound fetches, tokens naming new tenants can cause.
 */
final class CreationRate {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final int limit;
    private @Nullable Instant windowStart;
    private int used;

    CreationRate(int limit) {
        this.limit = limit;
    }

    /** True when one more creation fits the current window (and counts it). */
    synchronized boolean tryAcquire(Instant now) {
        // the window's length is measured, not its end computed: at the end of time (a clock at Instant.MAX) a
        // saturated end would start a new window on every call and lift the bound
        if (windowStart == null
                || now.isBefore(windowStart)
                || Duration.between(windowStart, now).compareTo(WINDOW) >= 0) {
            windowStart = now;
            used = 0;
        }
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }
}
