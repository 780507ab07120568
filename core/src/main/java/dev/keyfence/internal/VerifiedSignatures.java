package dev.keyfence.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keyfence.VerifiedToken;
import dev.keyfence.internal.token.ParsedToken;
import org.jspecify.annotations.Nullable;

/**
 * Remembers tokens whose signature verified, by the exact token text: the parsed token, the
 * thumbprint of the key that verified it, and the verified token built from it. A hit skips
 * parsing and the signature computation only; every rule runs again on each hit. Bounded by
 * Caffeine; shared by all resources of one validator.
 */
final class VerifiedSignatures {
    private static final VerifiedSignatures NONE = new VerifiedSignatures(null);

    private final @Nullable Cache<String, Entry> cache;

    /** One remembered verification. */
    record Entry(ParsedToken token, String keyThumbprint, VerifiedToken result) {}

    private VerifiedSignatures(@Nullable Cache<String, Entry> cache) {
        this.cache = cache;
    }

    static VerifiedSignatures of(int entries) {
        return entries == 0
                ? NONE
                : new VerifiedSignatures(
                        Caffeine.newBuilder().maximumSize(entries).build());
    }

    @Nullable
    Entry get(@Nullable String token) {
        return cache == null || token == null ? null : cache.getIfPresent(token);
    }

    void put(String token, ParsedToken parsed, String keyThumbprint, VerifiedToken result) {
        if (cache != null) {
            cache.put(token, new Entry(parsed, keyThumbprint, result));
        }
    }
}
