package dev.keyfence;

import java.util.List;
import java.util.Set;

/** The JWS algorithms Keyfence can verify. */
public final class Algorithms {
    /** Asymmetric algorithms Keyfence verifies. */
    public static final Set<String> ASYMMETRIC =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
    /** Symmetric algorithms, usable only when an issuer lists them explicitly. */
    public static final Set<String> SYMMETRIC = Set.of("HS256", "HS384", "HS512");
    /** The resource default: {@code [RS256, PS256, ES256, EdDSA]}. */
    public static final List<String> DEFAULT = List.of("RS256", "PS256", "ES256", "EdDSA");

    private Algorithms() {}

    /** True when Keyfence can verify {@code alg} (exact, case-sensitive). */
    public static boolean isSupported(String alg) {
        return ASYMMETRIC.contains(alg) || SYMMETRIC.contains(alg);
    }
}
