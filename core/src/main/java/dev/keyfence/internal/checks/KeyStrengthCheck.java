package dev.keyfence.internal.checks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.Reason;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.crypto.RocaFingerprint;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import java.security.Key;
import org.jspecify.annotations.Nullable;

/**
 * KEY_TOO_WEAK: a short RSA modulus, an RSA exponent of 1, an RSA modulus with the ROCA fingerprint,
 * a curve not allowed, or an HMAC secret shorter than the hash of the algorithm (RFC 7518 3.2).
 */
public final class KeyStrengthCheck implements Check {
    /** ROCA verdicts by key identity: the test costs 38 small modular reductions, done once per key. */
    private static final Cache<Key, Boolean> ROCA =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    @Override
    public Control control() {
        return Control.KEY_STRENGTH;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        if (key == null) {
            return null;
        }
        String weakness = weakness(key, e.policy().keys(), e.algorithm());
        return weakness == null
                ? null
                : new Rejection(Reason.KEY_TOO_WEAK, "key " + Safe.text(key.label()) + ": " + weakness);
    }

    /** Why the key is too weak under the policy for any algorithm it may verify, or null. */
    public static @Nullable String weakness(TrackedKey key, KeyPolicy policy) {
        return weakness(key, policy, null);
    }

    /**
     * Why the key is too weak under the policy to verify {@code alg} (null: any algorithm of its
     * type), or null.
     */
    public static @Nullable String weakness(TrackedKey key, KeyPolicy policy, @Nullable JwsAlgorithm alg) {
        switch (key.keyType()) {
            case "RSA":
                if (key.sizeBits() < policy.minRsaBits()) {
                    return "RSA modulus of " + key.sizeBits() + " bits is under " + policy.minRsaBits();
                }
                if (key.exponentOne()) {
                    return "RSA public exponent is 1";
                }
                return roca(key.key()) ? "RSA modulus has the ROCA fingerprint (CVE-2017-15361): factorable" : null;
            case "EC":
            case "OKP":
                return policy.allowedCurves().contains(key.curve()) ? null : "curve " + key.curve() + " is not allowed";
            case "oct":
                int needed = hmacBits(alg);
                return key.sizeBits() < needed ? "HMAC secret of " + key.sizeBits() + " bits is under " + needed : null;
            default:
                return "key type " + key.keyType() + " is not supported";
        }
    }

    /** The last verdict, by key identity: most tokens in a row are signed by the same key. */
    private static volatile @Nullable RocaVerdict last;

    private record RocaVerdict(Key key, boolean vulnerable) {}

    private static boolean roca(Key key) {
        if (key == null) {
            return false;
        }
        RocaVerdict seen = last;
        if (seen != null && seen.key() == key) {
            return seen.vulnerable();
        }
        boolean vulnerable = ROCA.get(key, RocaFingerprint::vulnerable);
        last = new RocaVerdict(key, vulnerable);
        return vulnerable;
    }

    /** The shortest HMAC secret for {@code alg}: as long as its hash output (RFC 7518 3.2), at least 256 bits. */
    private static int hmacBits(@Nullable JwsAlgorithm alg) {
        if (alg == JwsAlgorithm.HS384) {
            return 384;
        }
        return alg == JwsAlgorithm.HS512 ? 512 : 256;
    }
}
