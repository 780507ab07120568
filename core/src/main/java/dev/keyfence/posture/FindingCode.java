package dev.keyfence.posture;

/** The posture findings of the contract's {@code audit} table, each with its default severity. */
public enum FindingCode {
    KEY_SHARED_ACROSS_SCOPES(Severity.CRITICAL),
    EXPIRED_KEY_PUBLISHED(Severity.HIGH),
    KEY_TOO_OLD(Severity.HIGH),
    WEAK_KEY(Severity.HIGH),
    TENANT_UNRESTRICTED(Severity.HIGH),
    SYMMETRIC_ALGORITHM_ALLOWED(Severity.HIGH),
    INSECURE_KEY_TRANSPORT(Severity.HIGH),
    ISSUER_UNREACHABLE(Severity.HIGH),
    /**
     * A source teaching a key scope that a resource refuses has no good key set: that resource
     * refuses every token whose key is not already known to lie outside that scope (KEYS_UNAVAILABLE).
     */
    SCOPE_KNOWLEDGE_MISSING(Severity.HIGH),
    /**
     * A key removed from its source is published again (known from the key ledger); it stays
     * KEY_RETIRED until an operator reinstates it ({@code ledger reinstate}).
     */
    KEY_REPUBLISHED(Severity.HIGH),
    KEY_WITHOUT_VALIDITY(Severity.MEDIUM),
    KEY_WITHOUT_ISSUER_BINDING(Severity.MEDIUM),
    LONG_CLOCK_SKEW(Severity.MEDIUM);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /** The severity the contract gives this finding. */
    public Severity severity() {
        return severity;
    }
}
