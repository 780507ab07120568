package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.TrackedKey;

/** KEY_TOO_WEAK: a short RSA modulus, an RSA exponent of 1, a curve not allowed, or a short HMAC secret. */
public final class KeyStrengthCheck implements Check {
    @Override public Control control() { return Control.KEY_STRENGTH; }

    @Override
    public Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        if (key == null) {
            return null;
        }
        String weakness = weakness(key, e.policy().keys());
        return weakness == null ? null : new Rejection(Reason.KEY_TOO_WEAK, "key " + Safe.text(key.label()) + ": " + weakness);
    }

    /** Why the key is too weak under the policy, or null. */
    public static String weakness(TrackedKey key, KeyPolicy policy) {
        switch (key.keyType()) {
            case "RSA":
                if (key.sizeBits() < policy.minRsaBits()) {
                    return "RSA modulus of " + key.sizeBits() + " bits is under " + policy.minRsaBits();
                }
                return key.exponentOne() ? "RSA public exponent is 1" : null;
            case "EC":
            case "OKP":
                return policy.allowedCurves().contains(key.curve()) ? null : "curve " + key.curve() + " is not allowed";
            case "oct":
                return key.sizeBits() < 256 ? "HMAC secret of " + key.sizeBits() + " bits is under 256" : null;
            default:
                return "key type " + key.keyType() + " is not supported";
        }
    }
}
