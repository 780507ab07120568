package dev.keyfence.internal.crypto;

import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
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
    static final Provider EC_AND_EDDSA = load();

    private FastProvider() {
    }

    private static Provider load() {
        if ("jdk".equalsIgnoreCase(System.getProperty("keyfence.crypto.provider", ""))) {
            return null;
        }
        try {
            Provider p = (Provider) Class.forName(BC_CLASS).getDeclaredConstructor().newInstance();
            LOG.debug("verifying ECDSA and EdDSA with {}", p.getInfo());
            return p;
        } catch (ClassNotFoundException absent) {
            return null;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.warn("Bouncy Castle is on the class path but cannot be loaded ({}); using the JDK's providers",
                    e instanceof InvocationTargetException ite && ite.getCause() != null
                            ? ite.getCause().getClass().getSimpleName() : e.getClass().getSimpleName());
            return null;
        }
    }
}
