package dev.keyfence.test;

/**
 * Which key of a {@link TestIdentityProvider} signs a minted token, and so what Keyfence answers
 * for an otherwise good enterprise token.
 */
public enum SigningKey {
    /** The current enterprise key: accepted. */
    ENTERPRISE,
    /** An enterprise key whose certificate expired in 2021, still published: {@code KEY_EXPIRED}. */
    EXPIRED,
    /**
     * A consumer key, published on the enterprise key set beside the enterprise keys (the 2023
     * layout) and on the consumer key set: {@code KEY_SCOPE_NOT_ACCEPTED} for an enterprise resource.
     */
    CONSUMER,
    /**
     * An enterprise key that {@link TestIdentityProvider#retire()} unpublishes: accepted before,
     * {@code KEY_RETIRED} once Keyfence has read the set without it.
     */
    RETIRED,
    /** A key the identity provider never published: {@code KEY_NOT_FOUND}. */
    UNPUBLISHED
}
