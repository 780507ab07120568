package dev.keyfence.spring.internal;

import dev.keyfence.VerifiedToken;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code alg}, {@code kid} and {@code typ} header members of a token Keyfence accepted. */
public final class TokenHeader {
    private TokenHeader() {}

    /** The string-valued {@code alg}, {@code kid} and {@code typ} members of an accepted token's header. */
    public static Map<String, Object> of(VerifiedToken accepted) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", accepted.algorithm());
        accepted.kid().ifPresent(kid -> header.put("kid", kid));
        accepted.type().ifPresent(typ -> header.put("typ", typ));
        return header;
    }
}
