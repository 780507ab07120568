package dev.keyfence.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe {@link Clock} in UTC whose instant tests set and advance.
 *
 * <p>Move time with {@link #set(Instant)} or {@link #advance(Duration)}; never sleep.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    private MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Creates a clock standing at the given instant.
     *
     * @param start the initial instant
     * @return a new clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    /**
     * Creates a clock standing at an ISO-8601 instant, e.g. {@code "2024-10-01T00:00:00Z"}.
     *
     * @param isoInstant the initial instant
     * @return a new clock
     */
    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }

    /**
     * Moves the clock to an instant (forwards or backwards).
     *
     * @param instant the new current instant
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock by a duration (negative moves it back).
     *
     * @param amount how far to move
     * @return the new current instant
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(i -> i.plus(amount));
    }

    @Override
    public Instant instant() {
        return Objects.requireNonNull(now.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Always UTC: this clock has no other zone.
     *
     * @param zone ignored unless UTC
     * @return this clock
     * @throws UnsupportedOperationException for a zone other than UTC
     */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone.normalized())) {
            return this;
        }
        throw new UnsupportedOperationException("MutableClock is UTC only");
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
