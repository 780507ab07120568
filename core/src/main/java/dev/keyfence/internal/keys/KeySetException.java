package dev.keyfence.internal.keys;

/** A key set or key that cannot be used; the message is safe to log (no key material). */
public final class KeySetException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeySetException(String message) {
        super(message, null, false, false);
    }
}
