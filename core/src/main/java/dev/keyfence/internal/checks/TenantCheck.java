package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.text.Safe;
import org.jspecify.annotations.Nullable;

/**
 * TENANT_NOT_ALLOWED, for {@code {tenantid}} issuers: {@code tid} must be a string, equal the
 * tenant named in {@code iss}, and be allowed by the issuer's tenant list and pattern.
 */
public final class TenantCheck implements Check {
    @Override
    public Control control() {
        return Control.TENANT;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrustedIssuer issuer = e.issuer();
        if (issuer == null || !issuer.isTemplate()) {
            return null;
        }
        Object tid = e.claims().get("tid");
        if (!(tid instanceof String t)) {
            return new Rejection(Reason.TENANT_NOT_ALLOWED, tid == null ? "tid is missing" : "tid is not a string");
        }
        String inIss = e.tenantInIss();
        if (!t.equals(inIss)) {
            return new Rejection(
                    Reason.TENANT_NOT_ALLOWED,
                    "tid " + Safe.text(t) + " differs from the tenant " + Safe.text(inIss) + " in iss");
        }
        if (!issuer.allowsTenant(t)) {
            return new Rejection(
                    Reason.TENANT_NOT_ALLOWED,
                    "tenant " + Safe.text(t) + " is not allowed for issuer " + issuer.name());
        }
        return null;
    }
}
