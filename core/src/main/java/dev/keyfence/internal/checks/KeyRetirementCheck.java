package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.KeyKnowledge;
import dev.keyfence.internal.keys.KeySourceState;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * KEY_RETIRED: the key vanished from its source and {@code keys.retired-grace} has passed. With a
 * key ledger, a key removed from a set stays retired when it is published again, until an
 * operator reinstates it.
 */
public final class KeyRetirementCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_RETIREMENT;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        KeyKnowledge knowledge = e.key().knowledge();
        KeySourceState source = e.key().source();
        if (key == null || knowledge == null || source == null) { // all three or none are resolved
            return null;
        }
        Instant retiredAt = e.registry().retiredAt(knowledge, source);
        if (retiredAt == null) {
            return null;
        }
        Instant graceEnd = dev.keyfence.internal.time.Instants.plus(
                retiredAt, e.policy().keys().retiredGrace());
        if (e.now().isBefore(graceEnd)) {
            return null;
        }
        return new Rejection(
                Reason.KEY_RETIRED,
                "key " + Safe.text(key.label()) + " was removed from its source at " + retiredAt
                        + " and its grace ended " + graceEnd);
    }
}
