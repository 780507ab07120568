package dev.keyfence.internal.binding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * The DPoP proof identifiers ({@code jti}, per proof key) seen within the proof acceptance window,
 * so that a proof is accepted once. Bounded in size and in time (entries expire when their proof
 * would be too old anyway); time follows the policy's clock. Thread-safe.
 */
public final class ProofReplayCache {
    /** The most proof identifiers remembered at once. */
    public static final long MAX_ENTRIES = 100_000;

    private final Cache<String, Boolean> seen;

    /** A cache whose entries live for {@code window} on {@code clock}. */
    public ProofReplayCache(Clock clock, Duration window) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.seen = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(window)
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    /** True the first time this key thumbprint and jti are offered within the window; false for a replay. */
    public boolean firstUse(String keyThumbprint, String jti) {
        return seen.asMap().putIfAbsent(keyThumbprint + ' ' + jti, Boolean.TRUE) == null;
    }
}
