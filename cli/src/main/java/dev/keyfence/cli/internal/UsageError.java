package dev.keyfence.cli.internal;

/** A usage or input problem: exit status 2 with this one-line message on stderr. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
