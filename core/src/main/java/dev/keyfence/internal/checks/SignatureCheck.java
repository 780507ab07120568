package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.crypto.SignatureVerifier;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/** SIGNATURE_INVALID: the signature must verify with the resolved key under the token's algorithm. */
public final class SignatureCheck implements Check {
    @Override
    public Control control() {
        return Control.SIGNATURE;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        JwsAlgorithm alg = e.algorithm();
        if (key == null || alg == null || !key.fits(alg)) {
            return new Rejection(
                    Reason.SIGNATURE_INVALID, "no key that fits the token's algorithm verifies its signature");
        }
        if (key.thumbprint().equals(e.preverifiedThumbprint())) {
            return null; // this exact token verified with this very key before
        }
        if (!SignatureVerifier.verify(
                alg,
                key.key(),
                e.token().ascii(), // the signing input is its prefix: no copy
                e.token().signingInputLength(),
                e.token().signature())) {
            return new Rejection(
                    Reason.SIGNATURE_INVALID, "signature does not verify with key " + Safe.text(key.label()));
        }
        e.markSignatureVerified();
        return null;
    }
}
