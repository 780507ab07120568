package dev.keyfence.cli.internal.posture;

import dev.keyfence.Control;
import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import dev.keyfence.TrustedIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code audit} reports: the controls, every issuer with its sources and keys, and the
 * findings, most severe first. Immutable; holds no key material.
 */
public record Posture(Instant at, List<ControlState> controls, List<IssuerPosture> issuers, List<Finding> findings) {
    public Posture {
        controls = List.copyOf(controls);
        issuers = List.copyOf(issuers);
        findings = List.copyOf(findings);
    }

    /** A control and whether the validator runs it. */
    public record ControlState(Control control, boolean enabled) {
    }

    /** One trusted issuer and the sources its keys came from (several for per-tenant key URLs). */
    public record IssuerPosture(TrustedIssuer issuer, List<SourceStatus> sources) {
        public IssuerPosture {
            sources = List.copyOf(sources);
        }

        /** Every key of every source of this issuer. */
        public List<KeyStatus> keys() {
            List<KeyStatus> all = new ArrayList<>();
            for (SourceStatus s : sources) {
                all.addAll(s.keys());
            }
            return all;
        }

        /** The worst health among the sources; empty when no source was read (per-tenant URLs before use). */
        public Optional<SourceStatus.Health> health() {
            return sources.stream().map(SourceStatus::health).max(Enum::compareTo);
        }

        /** The problems the sources reported, joined. */
        public Optional<String> problem() {
            List<String> problems = new ArrayList<>();
            for (SourceStatus s : sources) {
                s.problem().ifPresent(p -> problems.add(sources.size() > 1 ? s.source() + ": " + p : p));
            }
            return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        }
    }

    /** True when a finding is at or above the threshold. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** How many findings have this severity. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
