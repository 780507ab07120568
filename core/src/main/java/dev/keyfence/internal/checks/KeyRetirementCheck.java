package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.time.Instant;

/**
 * KEY_RETIRED: the key vanished from its source and {@code keys.retired-grace} has passed. With a
 * key ledger, a key removed from a set stays retired when it is published again, until an
 * operator reinstates it.
 */
public final class KeyRetirementCheck implements Check {
    @Override public Control control() { return Control.KEY_RETIREMENT; }

    @Override
    public Rejection apply(Evaluation e) {
        if (e.key().key() == null) {
            return null;
        }
        Instant retiredAt = e.registry().retiredAt(e.key().knowledge(), e.key().source());
        if (retiredAt == null) {
            return null;
        }
        Instant graceEnd = dev.keyfence.internal.Instants.plus(retiredAt, e.policy().keys().retiredGrace());
        if (e.now().isBefore(graceEnd)) {
            return null;
        }
        return new Rejection(Reason.KEY_RETIRED, "key " + Safe.text(e.key().key().label())
                + " was removed from its source at " + retiredAt + " and its grace ended " + graceEnd);
    }
}
