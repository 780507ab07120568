package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** TOKEN_ISSUED_IN_FUTURE: {@code iat} in the future beyond clock skew. */
public final class TokenIssuedAtCheck implements Check {
    @Override
    public Control control() {
        return Control.TOKEN_ISSUED_AT;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Instant iat = e.issuedAt();
        if (iat != null && iat.minus(e.resource().clockSkew()).isAfter(e.now())) {
            return new Rejection(Reason.TOKEN_ISSUED_IN_FUTURE, "token claims to be issued at " + iat);
        }
        return null;
    }
}
