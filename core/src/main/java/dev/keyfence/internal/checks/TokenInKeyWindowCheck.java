package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.KeyLife;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** TOKEN_ISSUED_OUTSIDE_KEY_WINDOW: {@code iat} must fall inside the signing key's window (with clock skew). */
public final class TokenInKeyWindowCheck implements Check {
    @Override
    public Control control() {
        return Control.TOKEN_IN_KEY_WINDOW;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Instant iat = e.issuedAt();
        KeyLife life = iat == null ? null : e.keyLife();
        if (iat == null || life == null) {
            return null;
        }
        if (life.notBefore() != null && iat.plus(e.resource().clockSkew()).isBefore(life.notBefore())) {
            return new Rejection(
                    Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW,
                    "token issued " + iat + ", before key " + label(e) + " became valid " + life.notBefore());
        }
        if (life.notAfter() != null && iat.minus(e.resource().clockSkew()).isAfter(life.notAfter())) {
            return new Rejection(
                    Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW,
                    "token issued " + iat + ", after key " + label(e) + " expired " + life.notAfter());
        }
        return null;
    }

    /** The key's label for a detail, built only when there is a rejection to word. */
    private static String label(Evaluation e) {
        TrackedKey key = e.key().key(); // a key life implies a key
        return Safe.text(key == null ? null : key.label());
    }
}
