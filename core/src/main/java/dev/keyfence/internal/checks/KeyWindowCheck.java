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
        TrackedKey key = e.key().key();
        String label = key == null ? Safe.text(null) : Safe.text(key.label()); // a key life implies a key
        if (life.notBefore() != null && e.now().isBefore(life.notBefore())) {
            return new Rejection(
                    Reason.KEY_NOT_YET_VALID,
                    "key " + label + " is valid from " + life.notBefore() + " (" + String.join("+", life.sources())
                            + ")");
        }
        if (life.notAfter() != null && e.now().isAfter(life.notAfter())) {
            return new Rejection(
                    Reason.KEY_EXPIRED,
                    "key " + label + " expired " + life.notAfter() + " (" + String.join("+", life.sources()) + ")");
        }
        return null;
    }
}
