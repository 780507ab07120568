package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** TYPE_NOT_ALLOWED: JWE and nested tokens, and a {@code typ} the resource does not accept. */
public final class TypeCheck implements Check {
    @Override
    public Control control() {
        return Control.TOKEN_TYPE;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        if (e.token().jwe()) {
            return new Rejection(Reason.TYPE_NOT_ALLOWED, "encrypted tokens (JWE) are not accepted");
        }
        if (e.token().nested()) {
            return new Rejection(Reason.TYPE_NOT_ALLOWED, "nested tokens (cty JWT) are not accepted");
        }
        Object typ = e.token().header().get("typ");
        if (typ == null) {
            return e.resource().tokenTypes().contains("")
                    ? null
                    : new Rejection(Reason.TYPE_NOT_ALLOWED, "typ is missing and the resource requires one");
        }
        if (!(typ instanceof String s)) {
            return new Rejection(Reason.TYPE_NOT_ALLOWED, "typ is not a string");
        }
        if (!e.resource().tokenTypes().contains(ResourcePolicy.normalizeType(s))) {
            return new Rejection(
                    Reason.TYPE_NOT_ALLOWED,
                    "typ " + Safe.text(s) + " is not accepted here (accepted: "
                            + e.resource().tokenTypes() + ")");
        }
        return null;
    }
}
