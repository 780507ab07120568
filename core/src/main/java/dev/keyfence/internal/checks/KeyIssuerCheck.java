package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/**
 * KEY_ISSUER_MISMATCH: the key's own {@code issuer} member, with {@code {tenantid}} replaced by
 * the token's {@code tid}, must equal {@code iss}; with {@code require-key-issuer} a key without
 * the member is refused too. Fails closed: a template member and no {@code tid} never match.
 */
public final class KeyIssuerCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_ISSUER_BINDING;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        TrustedIssuer issuer = e.key().issuer();
        if (key == null || issuer == null) { // both or neither are resolved
            return null;
        }
        String member = key.keyIssuer();
        if (member == null) {
            return issuer.requireKeyIssuer()
                    ? new Rejection(
                            Reason.KEY_ISSUER_MISMATCH,
                            "key " + Safe.text(key.label()) + " has no issuer member and issuer " + issuer.name()
                                    + " requires one")
                    : null;
        }
        String expected = member;
        if (member.contains(TrustedIssuer.TENANT_PLACEHOLDER)) {
            String tid = e.tid();
            if (tid == null) {
                return new Rejection(
                        Reason.KEY_ISSUER_MISMATCH,
                        "key " + Safe.text(key.label()) + " is bound to a tenant template and the token has no tid");
            }
            expected = member.replace(TrustedIssuer.TENANT_PLACEHOLDER, tid);
        }
        if (!expected.equals(e.iss())) {
            return new Rejection(
                    Reason.KEY_ISSUER_MISMATCH,
                    "key " + Safe.text(key.label()) + " belongs to issuer " + Safe.text(expected) + ", not "
                            + Safe.text(e.iss()));
        }
        return null;
    }
}
