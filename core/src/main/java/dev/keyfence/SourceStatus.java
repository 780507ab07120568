package dev.keyfence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one key source: whether its keys are fresh, served stale after failures, or
 * unavailable, and the status of each key it holds.
 *
 * @param issuerName  the trusted issuer the source belongs to
 * @param source      the source label (issuer name, plus {@code /tenant} for per-tenant sources)
 * @param location    where keys are read from (a URL or file; never key material)
 * @param health      {@link Health#UP}, {@link Health#STALE} or {@link Health#DOWN}
 * @param fetchedAt   when the keys in use were fetched
 * @param problem     the last fetch's problem, when it failed
 * @param keys        every key the source publishes or published
 */
public record SourceStatus(
        String issuerName,
        String source,
        String location,
        Health health,
        Optional<Instant> fetchedAt,
        Optional<String> problem,
        List<KeyStatus> keys) {
    /** Source health. */
    public enum Health {
        UP,
        STALE,
        DOWN
    }

    public SourceStatus {
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(problem, "problem");
        keys = List.copyOf(keys);
    }
}
