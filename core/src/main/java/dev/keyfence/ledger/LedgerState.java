package dev.keyfence.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger as a validator sees it, for health and {@code audit}: up or down, how many writes
 * wait to be stored (operator decisions counted apart: they are never dropped), and the last
 * success and problem.
 *
 * @param status UP when the last write (or read) succeeded, DOWN when it failed
 * @param ledger where the ledger lives (see {@link KeyLedger#describe()})
 * @param pendingKeys key and key-set observations waiting to be stored
 * @param pendingOperatorActions revocations and reinstatements among them
 * @param droppedObservations observations given up because too many were waiting (never revocations)
 * @param lastSuccess when a write last succeeded
 * @param lastProblem the last failure, without secrets
 */
public record LedgerState(
        Status status,
        String ledger,
        int pendingKeys,
        int pendingOperatorActions,
        long droppedObservations,
        Optional<Instant> lastSuccess,
        Optional<String> lastProblem) {

    /** Whether the ledger answers. */
    public enum Status {
        UP,
        DOWN
    }

    public LedgerState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastProblem, "lastProblem");
    }
}
