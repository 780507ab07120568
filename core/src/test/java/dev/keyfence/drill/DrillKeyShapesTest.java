package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Shadow keys take the shape the policy declares: ES256 issuers get P-256 keys, EdDSA issuers
 * Ed25519 keys. With an EC key the psychic signature (r = s = 0) reaches the signature check, which
 * alone refuses it.
 */
class DrillKeyShapesTest {

    @Test
    void ecAndEdDsaIssuersGetKeysOfTheirShape() {
        String yaml = """
                issuers:
                  - name: contoso
                    issuer: "https://login.example.test/{tenantid}/v2.0"
                    jwks-uri: "https://login.example.test/common/keys"
                    key-scope: enterprise
                    tenants: ["tid-a"]
                    algorithms: [ES256]
                  - name: consumer
                    issuer: "https://login.example.test/consumers/v2.0"
                    jwks-uri: "https://login.example.test/consumers/keys"
                    key-scope: consumer
                    algorithms: [EdDSA]
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                """;

        DrillReport report = Drill.builder()
                .config(KeyfenceConfig.parse(yaml, Path.of(".")))
                .at(Instant.parse("2025-03-01T10:00:00Z"))
                .build()
                .run();

        assertThat(report.findings()).isEmpty();
        assertThat(report.notes())
                .anyMatch(n -> n.startsWith("issuer contoso: ES256 EC P-256"))
                .anyMatch(n -> n.startsWith("issuer consumer: EdDSA OKP Ed25519"));
        DrillResult psychic = report.results().stream()
                .filter(r -> r.attack().equals("psychic-signature"))
                .findFirst()
                .orElseThrow();
        assertThat(psychic.reason()).hasValue(Reason.SIGNATURE_INVALID);
        assertThat(psychic.controls()).containsExactly(Reason.SIGNATURE_INVALID);
        DrillResult forgery = report.results().stream()
                .filter(r -> r.attack().equals("consumer-key"))
                .findFirst()
                .orElseThrow();
        assertThat(forgery.controls()).contains(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED);
    }
}
