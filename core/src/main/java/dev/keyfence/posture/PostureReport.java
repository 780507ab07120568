package dev.keyfence.posture;

import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import dev.keyfence.ledger.LedgerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The security posture of a validator, as {@code keyfence audit} and the actuator endpoint report
 * it (both print {@link PostureJson#write(PostureReport)}): every control and whether it runs,
 * every key of every issuer, every resource profile checked, and the findings of the contract,
 * most severe first. Immutable; holds no key material.
 *
 * @param at        when the posture was read (the policy clock's instant)
 * @param controls  every control, in contract order
 * @param issuers   every trusted issuer, in configuration order
 * @param resources every resource profile checked: the validator's own first (without paths), then
 *                  the further profiles, each name once
 * @param findings  every finding, most severe first
 * @param ledger    the key ledger's state, empty without a ledger
 */
public record PostureReport(
        Instant at,
        List<ControlState> controls,
        List<IssuerPosture> issuers,
        List<NamedResource> resources,
        List<Finding> findings,
        Optional<LedgerState> ledger) {
    /** The key age reported as {@link FindingCode#KEY_TOO_OLD} when {@code keys.max-age} is not set. */
    public static final Duration DEFAULT_KEY_AGE_LIMIT = Duration.ofDays(365);
    /** A resource clock skew above this is reported as {@link FindingCode#LONG_CLOCK_SKEW}. */
    public static final Duration LONG_CLOCK_SKEW = Duration.ofMinutes(2);

    public PostureReport {
        Objects.requireNonNull(at, "at");
        controls = List.copyOf(controls);
        issuers = List.copyOf(issuers);
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
        Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * The posture of the validator now, reading every key source that was not read yet. Never
     * throws for unreachable sources: they become {@link FindingCode#ISSUER_UNREACHABLE} findings.
     */
    public static PostureReport of(TokenValidator validator) {
        return of(validator, List.of());
    }

    /**
     * As {@link #of(TokenValidator)}, also checking the resource profiles served with the validator
     * (the {@code resources:} of the configuration); a profile named like one already checked is
     * checked and listed once.
     */
    public static PostureReport of(TokenValidator validator, Collection<NamedResource> moreResources) {
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
