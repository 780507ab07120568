package dev.keyfence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validity window declared in configuration for one key. It can only narrow what the key's
 * certificate and JWK members say, never widen it.
 */
public record DeclaredWindow(KeyReference key, Optional<Instant> notBefore, Optional<Instant> notAfter) {
    public DeclaredWindow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (notBefore.isEmpty() && notAfter.isEmpty()) {
            throw new ConfigurationException("keys.windows", key + " declares neither not-before nor not-after");
        }
        if (notBefore.isPresent() && notAfter.isPresent() && !notBefore.get().isBefore(notAfter.get())) {
            throw new ConfigurationException("keys.windows", key + ": not-before must be before not-after");
        }
    }
}
