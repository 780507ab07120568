package dev.keyfence;

import dev.keyfence.internal.posture.PostureRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The security posture of a validator, as {@code keyfence audit} and the actuator endpoint report
 * it: every control and whether it runs, every key of every issuer, and the findings of the
 * contract, most severe first. Immutable; holds no key material.
 *
 * @param at       when the posture was read (the policy clock's instant)
 * @param controls every control, in contract order
 * @param issuers  every trusted issuer, in configuration order
 * @param findings every finding, most severe first
 * @param ledger   the key ledger's state, empty without a ledger
 */
public record PostureReport(Instant at, List<ControlState> controls, List<IssuerPosture> issuers,
                            List<Finding> findings, Optional<dev.keyfence.ledger.LedgerState> ledger) {
    /** The key age reported as {@link FindingCode#KEY_TOO_OLD} when {@code keys.max-age} is not set. */
    public static final Duration DEFAULT_KEY_AGE_LIMIT = Duration.ofDays(365);
    /** A resource clock skew above this is reported as {@link FindingCode#LONG_CLOCK_SKEW}. */
    public static final Duration LONG_CLOCK_SKEW = Duration.ofMinutes(2);

    public PostureReport {
        Objects.requireNonNull(at, "at");
        controls = List.copyOf(controls);
        issuers = List.copyOf(issuers);
        findings = List.copyOf(findings);
        Objects.requireNonNull(ledger, "ledger");
    }

    /** A posture without a key ledger. */
    public PostureReport(Instant at, List<ControlState> controls, List<IssuerPosture> issuers, List<Finding> findings) {
        this(at, controls, issuers, findings, Optional.empty());
    }

    /**
     * The posture of the validator now, reading every key source that was not read yet. Never
     * throws for unreachable sources: they become {@link FindingCode#ISSUER_UNREACHABLE} findings.
     */
    public static PostureReport of(TokenValidator validator) {
        return of(validator, List.of());
    }

    /**
     * As {@link #of(TokenValidator)}, also checking further resource profiles served with the
     * validator (their clock skew; a profile named like one already checked is checked once).
     */
    public static PostureReport of(TokenValidator validator, Collection<ResourcePolicy> moreResources) {
        return PostureRules.report(Objects.requireNonNull(validator, "validator"), List.copyOf(moreResources));
    }

    /** True when some finding is at or above the threshold. */
    public boolean hasFindingAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atOrAbove(threshold));
    }

    /** How many findings have exactly this severity. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
