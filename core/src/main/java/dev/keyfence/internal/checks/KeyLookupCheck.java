package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import org.jspecify.annotations.Nullable;

/**
 * KEYS_UNAVAILABLE when the issuer's source cannot be read and no usable cached keys remain;
 * KEY_NOT_FOUND when no single usable key fits the token's kid and algorithm.
 */
public final class KeyLookupCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_LOOKUP;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Evaluation.KeyResolution k = e.key();
        if (k.key() != null) {
            return null;
        }
        return new Rejection(
                k.unavailable() ? Reason.KEYS_UNAVAILABLE : Reason.KEY_NOT_FOUND,
                java.util.Objects.requireNonNullElse(k.problem(), "no key found"));
    }
}
