package dev.keyfence.cli.internal.posture;

import java.util.Objects;
import java.util.Optional;

/**
 * One audit finding.
 *
 * @param code       what was found; its severity is {@link FindingCode#severity()}
 * @param issuer     the configured issuer string ({@code iss} or template) it concerns, if any
 * @param issuerName the configured issuer name it concerns, if any
 * @param kid        the key it concerns, if any (the thumbprint as {@code jkt:...} for keys without kid)
 * @param message    a sentence for a person; never key material
 */
public record Finding(FindingCode code, Optional<String> issuer, Optional<String> issuerName, Optional<String> kid,
                      String message) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return code.severity();
    }
}
