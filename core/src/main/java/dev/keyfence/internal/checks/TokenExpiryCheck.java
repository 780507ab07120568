package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** TOKEN_EXPIRED: {@code exp} missing, or in the past beyond clock skew. A non-number is CLAIM_INVALID's. */
public final class TokenExpiryCheck implements Check {
    @Override
    public Control control() {
        return Control.TOKEN_EXPIRY;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Object exp = e.claims().get("exp");
        if (exp == null) {
            return new Rejection(Reason.TOKEN_EXPIRED, "exp is missing: tokens must expire");
        }
        Instant at = e.expiresAt();
        if (at != null && e.now().isAfter(at.plus(e.resource().clockSkew()))) {
            return new Rejection(Reason.TOKEN_EXPIRED, "token expired " + at);
        }
        return null;
    }
}
