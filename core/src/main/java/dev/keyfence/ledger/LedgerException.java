package dev.keyfence.ledger;

/**
 * The ledger cannot be read or written right now (directory or database unreachable, a record
 * that cannot be decoded). Validation goes on from memory; writes are retried. The message names
 * the ledger and the problem, never a key set or a credential.
 */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
