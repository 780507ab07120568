package dev.keyfence.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import dev.keyfence.Verdict;
import dev.keyfence.VerifiedToken;

/** Assertions on Keyfence verdicts whose failure messages say why (reason and detail, never the token). */
final class Verdicts {

    private Verdicts() {}

    /** Asserts the token was accepted and returns what Keyfence verified. */
    static VerifiedToken accepted(Verdict verdict) {
        if (verdict instanceof Verdict.Rejected r) {
            throw new AssertionError(
                    "expected the token to be accepted, but it was rejected: " + r.reason() + " (" + r.detail() + ")");
        }
        return ((Verdict.Accepted) verdict).token();
    }

    /** Asserts the token was rejected with exactly {@code reason} and returns the rejection. */
    static Verdict.Rejected rejected(Verdict verdict, Reason reason) {
        if (verdict instanceof Verdict.Accepted a) {
            throw new AssertionError("expected " + reason + ", but the token was accepted (kid "
                    + a.kid().orElse("-") + ", fingerprint " + a.fingerprint() + ")");
        }
        Verdict.Rejected r = (Verdict.Rejected) verdict;
        assertThat(r.reason()).as("reason (detail: %s)", r.detail()).isEqualTo(reason);
        return r;
    }
}
