package dev.keyfence.posture;

import dev.keyfence.Control;
import java.util.Objects;

/**
 * A control of a {@link PostureReport} and whether the validator runs it.
 *
 * @param control the control
 * @param enabled true when every token goes through it
 */
public record ControlState(Control control, boolean enabled) {
    public ControlState {
        Objects.requireNonNull(control, "control");
    }
}
