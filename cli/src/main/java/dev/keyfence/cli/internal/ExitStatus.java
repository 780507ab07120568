package dev.keyfence.cli.internal;

/** The exit statuses of the command line. */
public final class ExitStatus {
    /** Every token valid / no finding at or above the threshold / help shown. */
    public static final int OK = 0;
    /** A token was rejected, or a finding is at or above {@code --fail-on}. */
    public static final int FAILED = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** A bug: an error the command line did not expect. */
    public static final int INTERNAL = 3;

    private ExitStatus() {}
}
