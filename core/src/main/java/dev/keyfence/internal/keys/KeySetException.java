package dev.keyfence.internal.keys;

/** A key set or key that cannot be used; the message is safe to log (no key material). */
public final class KeySetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient java.util.Set<String> thumbprints;

    public KeySetException(String message) {
        this(message, java.util.Set.of());
    }

    /** A failed set that still published keys whose public part parses (they still teach scope). */
    public KeySetException(String message, java.util.Set<String> thumbprints) {
        super(message, null, false, false);
        this.thumbprints = java.util.Set.copyOf(thumbprints);
    }

    /** Thumbprints of the keys the failed set published whose public key parses; empty when none. */
    public java.util.Set<String> thumbprints() {
        return thumbprints == null ? java.util.Set.of() : thumbprints;
    }
}
