package dev.keyfence.internal;

import dev.keyfence.VerifiedToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The only way to create a {@link VerifiedToken}: its constructor is package-private, and the
 * class hands it here once, when it is loaded. Only the engine calls {@link #of}; this package is
 * not exported, so applications cannot mint a "verified" token.
 */
public final class VerifiedTokens {
    private static volatile Function<Facts, VerifiedToken> maker;

    private VerifiedTokens() {
    }

    /**
     * What a verified token holds. {@code claims} must be an unmodifiable tree that nobody
     * changes afterwards (it is kept, not copied); the fingerprint is computed on first use.
     */
    public record Facts(String issuer, Optional<String> subject, List<String> audience, Optional<String> tenant,
                        Optional<String> kid, String algorithm, Optional<String> type, String keyScope,
                        Set<String> keyScopes, String issuerName, Instant expiresAt, Map<String, Object> claims,
                        Supplier<String> fingerprint) {
    }

    /** Called once, by {@link VerifiedToken}'s class initializer; a second call fails. */
    public static synchronized void register(Function<Facts, VerifiedToken> constructor) {
        if (maker != null) {
            throw new IllegalStateException("VerifiedToken's constructor is registered already");
        }
        maker = Objects.requireNonNull(constructor, "constructor");
    }

    /** A verified token holding these facts. */
    public static VerifiedToken of(Facts facts) {
        Function<Facts, VerifiedToken> m = maker;
        if (m == null) {
            initialize();
            m = maker;
        }
        return m.apply(facts);
    }

    private static void initialize() {
        try {
            Class.forName(VerifiedToken.class.getName(), true, VerifiedToken.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("VerifiedToken cannot be loaded", e);
        }
    }
}
