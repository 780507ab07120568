package dev.keyfence.spring.internal;

import dev.keyfence.VerifiedToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of a verified token as Spring's {@code Jwt} expects them ({@code exp}, {@code iat},
 * {@code nbf} as {@link Instant}, {@code aud} as a list), for every claim value core accepts:
 * times beyond what {@link Instant} holds (e.g. {@code nbf: -1e17}) are clamped, never thrown on.
 */
public final class SpringClaims {
    private static final List<String> TIMES = List.of("exp", "iat", "nbf");

    private SpringClaims() {}

    /** The claims converted; a new map, the verified token's own stays untouched. */
    public static Map<String, Object> of(VerifiedToken verified) {
        Map<String, Object> claims = new LinkedHashMap<>(verified.claims());
        for (String name : TIMES) {
            Instant at = verified.timeClaim(name).orElse(null);
            if (at != null) {
                claims.put(name, at);
            } else {
                claims.remove(name); // not a number: core refuses it (CLAIM_INVALID); never half-converted
            }
        }
        if (claims.get("aud") instanceof String single) {
            claims.put("aud", List.of(single));
        }
        return claims;
    }
}
