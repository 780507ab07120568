package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.text.Safe;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ALGORITHM_NOT_ALLOWED: {@code alg} missing, {@code none} in any spelling, unknown, symmetric
 * without the issuer listing it, or outside the resource's (and issuer's) allowlist.
 */
public final class AlgorithmCheck implements Check {
    @Override
    public Control control() {
        return Control.ALGORITHM;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        Object value = e.token().header().get("alg");
        if (!(value instanceof String alg)) {
            return new Rejection(
                    Reason.ALGORITHM_NOT_ALLOWED, value == null ? "alg is missing" : "alg is not a string");
        }
        if (alg.equalsIgnoreCase("none")) { // no lower-cased copy per token
            return new Rejection(Reason.ALGORITHM_NOT_ALLOWED, "unsigned tokens (alg none) are never accepted");
        }
        JwsAlgorithm known = JwsAlgorithm.byName(alg);
        if (known == null) {
            return new Rejection(Reason.ALGORITHM_NOT_ALLOWED, "alg " + Safe.text(alg) + " is not supported");
        }
        TrustedIssuer issuer = e.issuer();
        List<String> issuerAlgs = issuer == null ? null : issuer.algorithms().orElse(null);
        if (known.symmetric()) {
            if (issuerAlgs == null || !issuerAlgs.contains(alg)) {
                return new Rejection(
                        Reason.ALGORITHM_NOT_ALLOWED,
                        alg + " is symmetric and not enabled for "
                                + (issuer == null ? "this issuer" : "issuer " + issuer.name()));
            }
            return null;
        }
        if (!e.resource().algorithms().contains(alg)) {
            return new Rejection(
                    Reason.ALGORITHM_NOT_ALLOWED,
                    alg + " is not in the resource's algorithms " + e.resource().algorithms());
        }
        if (issuer != null && issuerAlgs != null && !issuerAlgs.contains(alg)) {
            return new Rejection(
                    Reason.ALGORITHM_NOT_ALLOWED,
                    alg + " is not in issuer " + issuer.name() + "'s algorithms " + issuerAlgs);
        }
        return null;
    }
}
