package dev.keyfence.internal.keys;

import dev.keyfence.TrustedIssuer;
import java.time.Instant;
import java.util.Set;

/**
 * Told what a validator learned from its own key sources, after {@link KnownKeys} holds it (the
 * key ledger persists it). Called on fetching threads; must return at once, without I/O.
 */
public interface KnowledgeObserver {
    /**
     * {@code source} published a good key set: {@code text} as read, {@code read} as parsed, and
     * the thumbprints it published before and no longer does ({@code removed}).
     */
    void published(
            String source,
            TrustedIssuer issuer,
            JwkSetReader.Result read,
            String text,
            Set<String> removed,
            Instant now);

    /** A set of {@code source} failed as a whole, but these keys parsed and carry its scope. */
    void taught(String source, TrustedIssuer issuer, Set<String> thumbprints, Instant now);
}
