package dev.keyfence.internal.ledger;

/** A stored ledger record that is not a batch of the known format. */
public final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRecordException(String message) {
        super(message);
    }
}
