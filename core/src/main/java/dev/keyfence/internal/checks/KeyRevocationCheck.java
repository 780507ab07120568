package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.KeyKnowledge;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** KEY_REVOKED: a JWK {@code revoked} member, {@code keys.revoked}, or a run-time revocation. */
public final class KeyRevocationCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_REVOCATION;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        KeyKnowledge knowledge = e.key().knowledge();
        if (key == null || knowledge == null) { // both or neither are resolved
            return null;
        }
        String why = e.registry().revocation(knowledge);
        return why == null
                ? null
                : new Rejection(Reason.KEY_REVOKED, "key " + Safe.text(key.label()) + " is revoked: " + why);
    }
}
