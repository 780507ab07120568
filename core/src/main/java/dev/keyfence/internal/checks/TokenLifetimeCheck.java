package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * TOKEN_LIFETIME_TOO_LONG: {@code exp - iat} over the resource's maximum; without {@code iat},
 * the remaining lifetime {@code exp - now} must fit the maximum.
 */
public final class TokenLifetimeCheck implements Check {
    @Override
    public Control control() {
        return Control.TOKEN_LIFETIME;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Instant exp = e.expiresAt();
        if (exp == null) {
            return null;
        }
        Instant iat = e.issuedAt();
        Instant start = iat != null ? iat : e.now();
        Duration max = e.resource().maxTokenLifetime();
        // NumericDate clamps both ends a year inside Instant's range: the duration never overflows
        if (Duration.between(start, exp).compareTo(max) > 0) {
            return new Rejection(
                    Reason.TOKEN_LIFETIME_TOO_LONG,
                    "token lives longer than the maximum " + max + (iat == null ? " (counted from now: no iat)" : ""));
        }
        return null;
    }
}
