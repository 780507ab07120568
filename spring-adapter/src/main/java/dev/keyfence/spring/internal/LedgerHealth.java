package dev.keyfence.spring.internal;

import dev.keyfence.TokenValidator;
import dev.keyfence.ledger.LedgerState;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The key ledger's health: UP while it answers; UNKNOWN with {@code keyfence=DOWN} while it
 * cannot be read or written (validation goes on from memory; writes wait and are retried), so a
 * ledger outage never takes instances out of service. Details: where the ledger is (no
 * credentials), writes pending, operator actions pending, observations dropped, last success
 * and last problem.
 */
public final class LedgerHealth implements HealthIndicator {
    private final TokenValidator validator;

    public LedgerHealth(TokenValidator validator) {
        this.validator = validator;
    }

    @Override
    public Health health() {
        Optional<LedgerState> state = validator.ledgerState();
        if (state.isEmpty()) {
            return Health.status(Status.UNKNOWN).withDetail("keyfence", "NONE").build();
        }
        LedgerState s = state.get();
        Health.Builder b = s.status() == LedgerState.Status.UP ? Health.up() : Health.status(Status.UNKNOWN);
        b.withDetail("keyfence", s.status().name())
                .withDetail("ledger", s.ledger())
                .withDetail("pending", s.pendingKeys())
                .withDetail("pendingOperatorActions", s.pendingOperatorActions())
                .withDetail("droppedObservations", s.droppedObservations());
        s.lastSuccess().ifPresent(t -> b.withDetail("lastSuccess", t.toString()));
        s.lastProblem().ifPresent(p -> b.withDetail("lastProblem", p));
        return b.build();
    }
}
