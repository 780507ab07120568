package dev.keyfence.posture;

import java.util.Objects;
import java.util.Optional;

/**
 * One posture finding of a {@link PostureReport}. Names issuers and keys only, never key material.
 *
 * @param severity   how serious it is (the code's default severity for reports Keyfence builds)
 * @param code       what was found
 * @param issuerName the configured issuer name it concerns; empty for resource-wide findings
 * @param issuer     the configured issuer string ({@code iss} or template) it concerns; empty likewise
 * @param kid        the key it concerns, if any ({@code jkt:<thumbprint>} for a key without kid)
 * @param message    a sentence for a person
 */
public record Finding(
        Severity severity,
        FindingCode code,
        Optional<String> issuerName,
        Optional<String> issuer,
        Optional<String> kid,
        String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(message, "message");
    }
}
