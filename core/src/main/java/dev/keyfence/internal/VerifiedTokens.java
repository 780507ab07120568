package dev.keyfence.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The only way to create a {@code dev.keyfence.VerifiedToken}: its constructor is private, and
 * the class hands it here once, when it is loaded. Only the engine calls {@link #of}; this package
 * is not exported, so applications cannot mint a "verified" token. (This class names no API type,
 * so no class cycle runs through the API boundary.)
 */
public final class VerifiedTokens {
    private static volatile @Nullable Function<Facts, ?> maker;

    private VerifiedTokens() {}

    /**
     * What a verified token holds. {@code claims} must be an unmodifiable tree that nobody
     * changes afterwards (it is kept, not copied); the fingerprint is computed on first use.
     */
    public record Facts(
            String issuer,
            Optional<String> subject,
            List<String> audience,
            Optional<String> tenant,
            Optional<String> kid,
            String algorithm,
            Optional<String> type,
            String keyScope,
            Set<String> keyScopes,
            String issuerName,
            Instant expiresAt,
            Map<String, Object> claims,
            Supplier<String> fingerprint) {}

    /** Called once, by the verified token's class initializer; a second call fails. */
    public static synchronized void register(Function<Facts, ?> constructor) {
        if (maker != null) {
            throw new IllegalStateException("VerifiedToken's constructor is registered already");
        }
        maker = Objects.requireNonNull(constructor, "constructor");
    }

    /** A verified token ({@code type}, the class that registered) holding these facts. */
    public static <T> T of(Facts facts, Class<T> type) {
        Function<Facts, ?> m = maker;
        if (m == null) {
            initialize(type);
            m = Objects.requireNonNull(maker, "VerifiedToken registers its constructor when initialized");
        }
        return type.cast(m.apply(facts));
    }

    private static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(type.getName() + " cannot be loaded", e);
        }
    }
}
