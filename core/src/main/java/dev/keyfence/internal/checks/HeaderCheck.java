package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HEADER_NOT_ALLOWED: header members that would let a token choose its own key ({@code jku},
 * {@code x5u}, {@code jwk}, {@code x5c}), any {@code crit} (Keyfence understands no extension),
 * and {@code b64} other than true.
 */
public final class HeaderCheck implements Check {
    private static final List<String> KEY_SELECTING = List.of("jku", "x5u", "jwk", "x5c");

    @Override
    public Control control() {
        return Control.HEADER;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        String refusal = refusal(e.token().header());
        return refusal == null ? null : new Rejection(Reason.HEADER_NOT_ALLOWED, refusal);
    }

    /** Why a JWS header is refused, or null when it is acceptable. */
    public static @Nullable String refusal(Map<String, Object> header) {
        for (String member : KEY_SELECTING) {
            if (header.containsKey(member)) {
                return "header member " + member + " is refused: keys come only from the issuer's configured source";
            }
        }
        if (header.containsKey("crit")) {
            return "crit names extensions Keyfence does not understand";
        }
        Object b64 = header.get("b64");
        if (b64 != null && !Boolean.TRUE.equals(b64)) {
            return "unencoded payloads (b64) are not accepted";
        }
        return null;
    }
}
