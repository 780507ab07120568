package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import org.jspecify.annotations.Nullable;

/** One control: inspects the evaluation and returns a rejection, or null when the token passes it. */
public interface Check {
    /** The control this check implements. */
    Control control();

    /** Null when the token passes; otherwise why not. */
    @Nullable
    Rejection apply(Evaluation e);
}
