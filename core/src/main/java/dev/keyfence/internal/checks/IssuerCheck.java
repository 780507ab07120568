package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** ISSUER_NOT_TRUSTED: {@code iss} missing, not a string, or matching no configured issuer exactly. */
public final class IssuerCheck implements Check {
    @Override
    public Control control() {
        return Control.ISSUER;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Object iss = e.claims().get("iss");
        if (!(iss instanceof String s)) {
            return new Rejection(Reason.ISSUER_NOT_TRUSTED, iss == null ? "iss is missing" : "iss is not a string");
        }
        if (e.issuer() == null) {
            return new Rejection(Reason.ISSUER_NOT_TRUSTED, "issuer " + Safe.text(s) + " is not trusted");
        }
        return null;
    }
}
