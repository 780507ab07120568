package dev.keyfence;

/**
 * The controls a validator runs, in evaluation order, each rejecting with its own reason codes.
 * {@code audit} lists them with whether each is on.
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

    /** The reason codes this control rejects with. */
    public java.util.List<Reason> reasons() {
        return reasons;
    }
}
