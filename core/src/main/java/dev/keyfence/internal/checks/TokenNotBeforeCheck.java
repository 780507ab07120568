package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** TOKEN_NOT_YET_VALID: {@code nbf} in the future beyond clock skew. */
public final class TokenNotBeforeCheck implements Check {
    @Override
    public Control control() {
        return Control.TOKEN_NOT_BEFORE;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Instant nbf = e.notBefore();
        if (nbf != null && nbf.minus(e.resource().clockSkew()).isAfter(e.now())) {
            return new Rejection(Reason.TOKEN_NOT_YET_VALID, "token is valid from " + nbf);
        }
        return null;
    }
}
