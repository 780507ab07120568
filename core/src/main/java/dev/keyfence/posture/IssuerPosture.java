package dev.keyfence.posture;

import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import dev.keyfence.TrustedIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One trusted issuer of a {@link PostureReport} and the key sources its keys came from (several
 * for per-tenant key URLs, none before a per-tenant source was first used).
 *
 * @param issuer  the configured issuer
 * @param sources the status of each of its key sources
 */
public record IssuerPosture(TrustedIssuer issuer, List<SourceStatus> sources) {
    public IssuerPosture {
        Objects.requireNonNull(issuer, "issuer");
        sources = List.copyOf(sources);
    }

    /** Every key of every source of this issuer, in source order. */
    public List<KeyStatus> keys() {
        List<KeyStatus> all = new ArrayList<>();
        for (SourceStatus s : sources) {
            all.addAll(s.keys());
        }
        return List.copyOf(all);
    }

    /** The worst health among the sources; empty when no source was read. */
    public Optional<SourceStatus.Health> health() {
        return sources.stream().map(SourceStatus::health).max(Enum::compareTo);
    }

    /** The problems the sources reported, joined (each prefixed by its source when there are several). */
    public Optional<String> problem() {
        List<String> problems = new ArrayList<>();
        for (SourceStatus s : sources) {
            s.problem().ifPresent(p -> problems.add(sources.size() > 1 ? s.source() + ": " + p : p));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
