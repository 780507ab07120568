package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** TYPE_NOT_ALLOWED: JWE and nested tokens, and a {@code typ} the resource does not accept. */
public final class TypeCheck implements Check {
    /** The media-type prefix {@link ResourcePolicy#normalizeType} drops from a {@code typ}. */
    private static final String MEDIA_PREFIX = "application/";

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
        if (!accepts(e.resource().tokenTypes(), s)) {
            return new Rejection(
                    Reason.TYPE_NOT_ALLOWED,
                    "typ " + Safe.text(s) + " is not accepted here (accepted: "
                            + e.resource().tokenTypes() + ")");
        }
        return null;
    }

    /**
     * Whether {@code typ}, normalised as {@link ResourcePolicy#normalizeType} does, is among the
     * accepted (normalised) types; an ASCII value, the usual case, is compared without a copy.
     */
    static boolean accepts(java.util.Set<String> accepted, String typ) {
        for (int i = 0; i < typ.length(); i++) {
            if (typ.charAt(i) >= 128) {
                return accepted.contains(ResourcePolicy.normalizeType(typ));
            }
        }
        int from = typ.regionMatches(true, 0, MEDIA_PREFIX, 0, MEDIA_PREFIX.length()) ? MEDIA_PREFIX.length() : 0;
        for (String t : accepted) {
            if (t.length() == typ.length() - from && sameLowercased(typ, from, t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code typ} from {@code from} on, ASCII letters lowercased, equals {@code t}. */
    private static boolean sameLowercased(String typ, int from, String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = typ.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
