package dev.keyfence;

/**
 * The controls a validator runs, in evaluation order, each rejecting with its own reason codes.
 * {@code audit} lists them with whether each is on.
 *
 * <p>This declaration is the one source of the evaluation order: the validator runs its checks in
 * the order of {@link #values()}, and the reasons of the controls, read in that order, are exactly
 * {@link Reason#values()} in their declared order (a test pins both).
 */
public enum Control {
    TOKEN_SHAPE(Reason.MALFORMED_TOKEN),
    TOKEN_TYPE(Reason.TYPE_NOT_ALLOWED),
    ALGORITHM(Reason.ALGORITHM_NOT_ALLOWED),
    HEADER(Reason.HEADER_NOT_ALLOWED),
    ISSUER(Reason.ISSUER_NOT_TRUSTED),
    TENANT(Reason.TENANT_NOT_ALLOWED),
    KEY_LOOKUP(Reason.KEYS_UNAVAILABLE, Reason.KEY_NOT_FOUND),
    KEY_ISSUER_BINDING(Reason.KEY_ISSUER_MISMATCH),
    KEY_SCOPE(Reason.KEY_SCOPE_NOT_ACCEPTED),
    KEY_REVOCATION(Reason.KEY_REVOKED),
    KEY_VALIDITY_WINDOW(Reason.KEY_NOT_YET_VALID, Reason.KEY_EXPIRED),
    KEY_MAX_AGE(Reason.KEY_TOO_OLD),
    KEY_RETIREMENT(Reason.KEY_RETIRED),
    KEY_STRENGTH(Reason.KEY_TOO_WEAK),
    SIGNATURE(Reason.SIGNATURE_INVALID),
    TOKEN_EXPIRY(Reason.TOKEN_EXPIRED),
    TOKEN_NOT_BEFORE(Reason.TOKEN_NOT_YET_VALID),
    TOKEN_ISSUED_AT(Reason.TOKEN_ISSUED_IN_FUTURE),
    TOKEN_LIFETIME(Reason.TOKEN_LIFETIME_TOO_LONG),
    TOKEN_IN_KEY_WINDOW(Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW),
    AUDIENCE(Reason.AUDIENCE_NOT_ACCEPTED),
    REQUIRED_CLAIMS(Reason.CLAIM_MISSING),
    CLAIM_TYPES(Reason.CLAIM_INVALID),
    TOKEN_BINDING(Reason.TOKEN_BINDING_MISMATCH);

    private final java.util.List<Reason> reasons;

    Control(Reason... reasons) {
        this.reasons = java.util.List.of(reasons);
    }

    /** The reason codes this control rejects with, in their declared order. */
    public java.util.List<Reason> reasons() {
        return reasons;
    }

    /**
     * The one control that rejects with {@code reason}.
     *
     * @throws NullPointerException when {@code reason} is null
     */
    public static Control of(Reason reason) {
        java.util.Objects.requireNonNull(reason, "reason");
        for (Control control : values()) {
            if (control.reasons.contains(reason)) {
                return control;
            }
        }
        throw new IllegalStateException("no control rejects with " + reason);
    }

    /** Whether this control is evaluated before {@code other}: true only for a control earlier in the order. */
    public boolean isBefore(Control other) {
        return compareTo(other) < 0;
    }
}
