package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.json.Json;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** CLAIM_MISSING: every claim the resource requires must be present and not null. */
public final class RequiredClaimsCheck implements Check {
    @Override
    public Control control() {
        return Control.REQUIRED_CLAIMS;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        for (String claim : e.resource().requiredClaims()) {
            Object v = e.claims().get(claim);
            if (v == null || v == Json.NULL) {
                return new Rejection(Reason.CLAIM_MISSING, "required claim " + Safe.text(claim) + " is missing");
            }
        }
        return null;
    }
}
