package dev.keyfence.spring.internal;

import dev.keyfence.DrillReport;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The scheduled self-drill as a health indicator: UNKNOWN before the first drill, UP when it
 * passed, DOWN when an attack got through, a counterpart was refused or a 2023 key forgery had
 * fewer controls than required (details: the findings). Never runs a drill itself.
 */
public final class DrillHealth implements HealthIndicator {
    private final DrillService drills;

    public DrillHealth(DrillService drills) {
        this.drills = drills;
    }

    @Override
    public Health health() {
        Optional<DrillReport> latest = drills.latest();
        if (latest.isEmpty()) {
            Health.Builder b = Health.unknown().withDetail("drill", "not run yet");
            drills.lastProblem().ifPresent(p -> b.withDetail("problem", p));
            return b.build();
        }
        DrillReport r = latest.get();
        Health.Builder b = r.passed() ? Health.up() : Health.down();
        b.withDetail("at", r.at().toString())
                .withDetail("attacks", r.results().size())
                .withDetail("minimumKeyForgeryControls", r.minimumKeyForgeryControls())
                .withDetail("minControls", r.minControls());
        if (!r.passed()) {
            b.withDetail("findings", r.findings());
        }
        drills.lastProblem().ifPresent(p -> b.withDetail("problem", p));
        return b.build();
    }
}
