package dev.keyfence.internal.crypto;

import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bouncy Castle, when it is on the class path, for ECDSA and EdDSA: it verifies those about an
 * order of magnitude faster than the JDK's SunEC. Off with {@code -Dkeyfence.crypto.provider=jdk}.
 * RSA always uses the JDK.
 */
final class FastProvider {
    private static final Logger LOG = LoggerFactory.getLogger(FastProvider.class);
    private static final String BC_CLASS = "org.bouncycastle.jce.provider.BouncyCastleProvider";

    /** Bouncy Castle, or null when absent or switched off. */
    static final @Nullable Provider EC_AND_EDDSA = load();

    /** Keys converted to the provider's own key classes, by identity of the JDK key. */
    private static final com.github.benmanes.caffeine.cache.Cache<java.security.Key, java.security.PublicKey> KEYS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .weakKeys()
                    .maximumSize(10_000)
                    .build();

    private FastProvider() {}

    /**
     * The key as the provider's own key object, converted once: Bouncy Castle uses its fast
     * named-curve arithmetic only for its own keys. The key itself when it cannot be converted.
     */
    static java.security.Key own(java.security.Key key, @Nullable Provider provider) {
        if (!(key instanceof java.security.PublicKey pub) || provider == null || provider != EC_AND_EDDSA) {
            return key;
        }
        return KEYS.get(key, k -> convert(pub, provider));
    }

    private static java.security.PublicKey convert(java.security.PublicKey key, Provider provider) {
        try {
            return java.security.KeyFactory.getInstance(key.getAlgorithm(), provider)
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(key.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            LOG.debug(
                    "key of type {} stays a JDK key: {}",
                    key.getAlgorithm(),
                    e.getClass().getSimpleName());
            return key;
        }
    }

    private static @Nullable Provider load() {
        if ("jdk".equalsIgnoreCase(System.getProperty("keyfence.crypto.provider", ""))) {
            return null;
        }
        try {
            Provider p =
                    (Provider) Class.forName(BC_CLASS).getDeclaredConstructor().newInstance();
            LOG.debug("verifying ECDSA and EdDSA with {}", p.getInfo());
            return p;
        } catch (ClassNotFoundException absent) {
            return null;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.warn(
                    "Bouncy Castle is on the class path but cannot be loaded ({}); using the JDK's providers",
                    e instanceof InvocationTargetException ite && ite.getCause() != null
                            ? ite.getCause().getClass().getSimpleName()
                            : e.getClass().getSimpleName());
            return null;
        }
    }
}
