package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** AUDIENCE_NOT_ACCEPTED: {@code aud} (a string or an array) must name one of the resource's audiences. */
public final class AudienceCheck implements Check {
    @Override
    public Control control() {
        return Control.AUDIENCE;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Object aud = e.claims().get("aud");
        if (aud == null) {
            return new Rejection(Reason.AUDIENCE_NOT_ACCEPTED, "aud is missing");
        }
        if (aud instanceof String s) {
            return e.resource().audiences().contains(s) ? null : refused(e);
        }
        if (aud instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof String s && e.resource().audiences().contains(s)) {
                    return null;
                }
            }
            return list.stream().allMatch(String.class::isInstance) ? refused(e) : null;
        }
        return null; // wrong type: CLAIM_INVALID
    }

    private static Rejection refused(Evaluation e) {
        return new Rejection(
                Reason.AUDIENCE_NOT_ACCEPTED,
                "aud names none of the audiences of resource " + e.resource().name());
    }
}
