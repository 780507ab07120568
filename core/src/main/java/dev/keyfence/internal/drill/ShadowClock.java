package dev.keyfence.internal.drill;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The shadow's clock: set by the drill to replay key history (a retirement), then left at "now". */
final class ShadowClock extends Clock {
    private volatile Instant instant;

    ShadowClock(Instant instant) {
        this.instant = instant;
    }

    void set(Instant to) {
        this.instant = to;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
