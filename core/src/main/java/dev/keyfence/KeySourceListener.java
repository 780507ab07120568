package dev.keyfence;

import java.time.Duration;

/**
 * Events from key sources, for metrics and alerting. Every method has a no-op default; they are
 * called on fetching threads and must return quickly. No argument ever carries key material.
 * {@code source} is the issuer name, plus {@code /TENANT} for per-tenant sources.
 */
public interface KeySourceListener {
    /** A fetch returned a usable key set of {@code keys} keys. */
    default void fetched(String source, int keys) {}

    /** A fetch failed; {@code problem} is a short safe description. */
    default void fetchFailed(String source, String problem) {}

    /** Last-known-good keys served although the source failed, {@code age} after their fetch. */
    default void staleServed(String source, Duration age) {}

    /** An unknown {@code kid} caused a refetch. */
    default void kidMissRefetch(String source) {}

    /** An unknown {@code kid} did not cause a refetch because one happened within the minimum interval. */
    default void refetchRateLimited(String source) {}

    /** A key appeared in the source (first sighting, or back after being removed). */
    default void keyAdded(String source, String kid) {}

    /** A key disappeared from the source. */
    default void keyRetired(String source, String kid) {}

    /**
     * A key that was removed from a source is published again; with a key ledger it stays
     * {@link Reason#KEY_RETIRED} until an operator reinstates it.
     */
    default void keyRepublished(String source, String kid) {}

    /** A key was left out of a set because it cannot be used; {@code problem} says why. */
    default void keyRejected(String source, String kid, String problem) {}

    /** The listener that does nothing. */
    KeySourceListener NONE = new KeySourceListener() {};
}
