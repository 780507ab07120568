package dev.keyfence.internal.keys;

import dev.keyfence.internal.crypto.JwsAlgorithm;
import java.security.Key;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One usable key read from a key set, with everything its JWK and certificate say about its life.
 * Immutable; never printed with its material ({@link #toString()} names kid and thumbprint).
 *
 * @param kid            the key id, or null
 * @param thumbprint     RFC 7638 SHA-256 thumbprint, base64url
 * @param keyType        kty
 * @param curve          crv, or null
 * @param sizeBits       modulus or field size
 * @param key            the verification key (public, or secret for {@code oct})
 * @param alg            the JWK's {@code alg}, or null
 * @param use            the JWK's {@code use}, or null
 * @param keyOps         the JWK's {@code key_ops}, or null
 * @param keyIssuer      the JWK's {@code issuer} member, or null
 * @param certNotBefore  x5c leaf notBefore, or null
 * @param certNotAfter   x5c leaf notAfter, or null
 * @param jwkNotBefore   JWK {@code nbf}, or null
 * @param jwkExpires     JWK {@code exp}, or null
 * @param jwkIssuedAt    JWK {@code iat}, or null
 * @param revokedMember  true when the JWK carries a {@code revoked} member
 * @param revokedAt      its {@code revoked_at}, or null
 * @param exponentOne    true for an RSA key with public exponent 1
 */
public record TrackedKey(
        @Nullable String kid,
        String thumbprint,
        String keyType,
        @Nullable String curve,
        int sizeBits,
        Key key,
        @Nullable String alg,
        @Nullable String use,
        @Nullable List<String> keyOps,
        @Nullable String keyIssuer,
        @Nullable Instant certNotBefore,
        @Nullable Instant certNotAfter,
        @Nullable Instant jwkNotBefore,
        @Nullable Instant jwkExpires,
        @Nullable Instant jwkIssuedAt,
        boolean revokedMember,
        @Nullable Instant revokedAt,
        boolean exponentOne) {

    /** True when this key may verify a signature made with {@code alg}: kty, curve, alg, use and key_ops all fit. */
    public boolean fits(JwsAlgorithm algorithm) {
        if (!algorithm.keyType().equals(keyType)) {
            return false;
        }
        if (algorithm.curve() != null && !algorithm.curve().equals(curve)) {
            return false;
        }
        if (alg != null && !alg.equals(algorithm.name())) {
            return false;
        }
        if (use != null && !"sig".equals(use)) {
            return false;
        }
        return keyOps == null || keyOps.contains("verify");
    }

    /** Why this key cannot verify {@code alg}, for a rejection detail. */
    public String misfit(JwsAlgorithm algorithm) {
        if (use != null && !"sig".equals(use)) {
            return "use is \"" + use + "\", not \"sig\"";
        }
        if (keyOps != null && !keyOps.contains("verify")) {
            return "key_ops lacks \"verify\"";
        }
        if (alg != null && !alg.equals(algorithm.name())) {
            return "key is for " + alg;
        }
        return "a " + keyType + (curve == null ? "" : " " + curve) + " key cannot verify " + algorithm.name();
    }

    /** The kid, or the thumbprint for keys without one, for messages. */
    public String label() {
        return kid != null ? kid : "jkt:" + thumbprint;
    }

    @Override
    public String toString() {
        return "TrackedKey[kid=" + kid + ", jkt=" + thumbprint + ", " + keyType + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackedKey k && k.thumbprint.equals(thumbprint) && java.util.Objects.equals(k.kid, kid);
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }
}
