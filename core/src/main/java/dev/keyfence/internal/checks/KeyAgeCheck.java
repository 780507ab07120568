package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.KeyLife;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** KEY_TOO_OLD: the key's age, from the earliest known start of its life, exceeds {@code keys.max-age}. */
public final class KeyAgeCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_MAX_AGE;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Duration max = e.policy().keys().maxAge().orElse(null);
        KeyLife life = max == null ? null : e.keyLife();
        if (life == null) {
            return null;
        }
        TrackedKey key = Objects.requireNonNull(e.key().key(), "a key life implies a key");
        Duration age = Duration.between(life.ageStart(), e.now());
        if (age.compareTo(max) > 0) {
            return new Rejection(
                    Reason.KEY_TOO_OLD,
                    "key " + Safe.text(key.label()) + " is " + age.toDays() + " days old (from " + life.ageSource()
                            + " " + life.ageStart() + "), more than keys.max-age " + max);
        }
        return null;
    }
}
