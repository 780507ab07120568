package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.KeyLife;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** KEY_NOT_YET_VALID and KEY_EXPIRED: now must lie inside the key's effective window. */
public final class KeyWindowCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_VALIDITY_WINDOW;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        KeyLife life = e.keyLife();
        if (life == null) {
            return null;
        }
        if (life.notBefore() != null && e.now().isBefore(life.notBefore())) {
            return new Rejection(
                    Reason.KEY_NOT_YET_VALID,
                    "key " + label(e) + " is valid from " + life.notBefore() + " (" + String.join("+", life.sources())
                            + ")");
        }
        if (life.notAfter() != null && e.now().isAfter(life.notAfter())) {
            return new Rejection(
                    Reason.KEY_EXPIRED,
                    "key " + label(e) + " expired " + life.notAfter() + " (" + String.join("+", life.sources()) + ")");
        }
        return null;
    }

    /** The key's label for a detail, worded only when the check rejects. */
    private static String label(Evaluation e) {
        TrackedKey key = e.key().key();
        return Safe.text(key == null ? null : key.label()); // a key life implies a key
    }
}
