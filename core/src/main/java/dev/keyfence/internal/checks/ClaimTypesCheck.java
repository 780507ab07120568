package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.token.NumericDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CLAIM_INVALID: registered claims must have their JSON type: strings for iss, sub, jti, tid,
 * client_id; numbers for exp, nbf, iat; a string or an array of strings for aud.
 */
public final class ClaimTypesCheck implements Check {
    private static final List<String> STRINGS = List.of("iss", "sub", "jti", "tid", "client_id");
    private static final List<String> DATES = List.of("exp", "nbf", "iat");

    @Override
    public Control control() {
        return Control.CLAIM_TYPES;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Map<String, Object> claims = e.claims();
        for (String name : STRINGS) {
            Object v = claims.get(name);
            if (v != null && !(v instanceof String)) {
                return invalid(name, "a string");
            }
        }
        for (String name : DATES) {
            Object v = claims.get(name);
            if (v != null && !NumericDate.isNumber(v)) {
                return invalid(name, "a NumericDate (a JSON number)");
            }
        }
        Object aud = claims.get("aud");
        if (aud != null
                && !(aud instanceof String)
                && !(aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            return invalid("aud", "a string or an array of strings");
        }
        return null;
    }

    private static Rejection invalid(String claim, String expected) {
        return new Rejection(Reason.CLAIM_INVALID, "claim " + claim + " must be " + expected);
    }
}
