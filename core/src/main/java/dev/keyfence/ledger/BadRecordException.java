package dev.keyfence.ledger;

/**
 * A stored ledger record that is not a batch of the format {@link LedgerCodec} writes. The message
 * names the problem, never the record's text.
 */
public final class BadRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception saying what is wrong with the record, in {@code message}. */
    public BadRecordException(String message) {
        super(message);
    }
}
