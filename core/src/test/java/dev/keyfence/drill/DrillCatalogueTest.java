package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's attack catalogue, every attack of it on one policy where none is skipped (a
 * {@code {tenantid}} issuer with an allowlist, a consumer issuer, {@code keys.max-age}, a
 * revocation): each refused with its exact reason under the full policy, each legitimate
 * counterpart accepted, each caught alone by the controls named.
 */
class DrillCatalogueTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private static final String POLICY = """
            issuers:
              - name: contoso
                issuer: "https://login.example.test/{tenantid}/v2.0"
                jwks-uri: "https://login.example.test/common/discovery/v2.0/keys"
                key-scope: enterprise
                tenants: ["tid-a"]
              - name: consumer
                issuer: "https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
                jwks-uri: "https://login.example.test/consumers/discovery/v2.0/keys"
                key-scope: consumer
            resource:
              name: mail
              audiences: ["api://mail"]
              accepted-key-scopes: [enterprise]
            keys:
              max-age: P400D
              revoked: ["kid:ent-2021"]
            """;

    @Test
    void everyAttackOfTheIssueIsMintedRefusedWithItsReasonAndItsCounterpartAccepted() {
        DrillReport report = Drill.builder()
                .config(KeyfenceConfig.parse(POLICY, dir))
                .at(NOW)
                .build()
                .run();

        assertThat(report.skipped()).isEmpty();
        Map<String, Reason> reasons = new LinkedHashMap<>();
        Map<String, List<Reason>> controls = new LinkedHashMap<>();
        for (DrillResult r : report.results()) {
            assertThat(r.valid()).as(r.attack()).isFalse();
            assertThat(r.counterpartValid()).as(r.attack() + " counterpart").isTrue();
            reasons.put(r.attack(), r.reason().orElseThrow());
            controls.put(r.attack(), r.controls());
        }
        assertThat(reasons)
                .as("controls: " + controls)
                .containsExactly(
                        Map.entry("expired-consumer-key", Reason.KEY_ISSUER_MISMATCH),
                        Map.entry("consumer-key", Reason.KEY_ISSUER_MISMATCH),
                        Map.entry("cross-tenant", Reason.TENANT_NOT_ALLOWED),
                        Map.entry("consumer-token", Reason.KEY_SCOPE_NOT_ACCEPTED),
                        Map.entry("retired-key", Reason.KEY_RETIRED),
                        Map.entry("revoked-key", Reason.KEY_REVOKED),
                        Map.entry("key-too-old", Reason.KEY_TOO_OLD),
                        Map.entry("token-outside-key-window", Reason.TOKEN_LIFETIME_TOO_LONG),
                        Map.entry("alg-none", Reason.ALGORITHM_NOT_ALLOWED),
                        Map.entry("hs256-public-key", Reason.ALGORITHM_NOT_ALLOWED),
                        Map.entry("embedded-jwk", Reason.HEADER_NOT_ALLOWED),
                        Map.entry("jku", Reason.HEADER_NOT_ALLOWED),
                        Map.entry("x5u", Reason.HEADER_NOT_ALLOWED),
                        Map.entry("crit", Reason.HEADER_NOT_ALLOWED),
                        Map.entry("kid-injection", Reason.KEY_NOT_FOUND),
                        Map.entry("psychic-signature", Reason.KEY_NOT_FOUND),
                        Map.entry("wrong-audience", Reason.AUDIENCE_NOT_ACCEPTED),
                        Map.entry("wrong-typ", Reason.TYPE_NOT_ALLOWED),
                        Map.entry("expired-token", Reason.TOKEN_EXPIRED),
                        Map.entry("lifetime-over-cap", Reason.TOKEN_LIFETIME_TOO_LONG));
        assertThat(controls.get("key-too-old")).contains(Reason.KEY_TOO_OLD);
        assertThat(controls.get("token-outside-key-window")).contains(Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW);
        assertThat(controls.get("expired-consumer-key"))
                .contains(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED, Reason.KEY_EXPIRED);
        assertThat(controls.get("consumer-key"))
                .containsExactly(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED);
        assertThat(report.passed()).isTrue();
        assertThat(report.minimumKeyForgeryControls()).isEqualTo(2);
    }

    /**
     * The Spring README's Entra quickstart: the preset, filled in, holds the current consumer key
     * signing for your tenant to two controls alone, and the expired one to more.
     */
    @Test
    void theFilledInEntraPresetCatchesEachConsumerKeyForgeryWithTheControlsTheReadmeNames() throws IOException {
        String preset;
        try (InputStream in = KeyfenceConfig.class.getResourceAsStream("/dev/keyfence/presets/entra-id.yaml")) {
            preset = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String filled = preset.replace("YOUR-TENANT-ID", "72f988bf-86f1-41af-91ab-2d7cd011db47")
                .replace("api://YOUR-APP-ID", "api://mail");
        DrillReport report = Drill.builder()
                .config(KeyfenceConfig.parse(filled, dir))
                .at(NOW)
                .build()
                .run();

        assertThat(report.findings()).isEmpty();
        Map<String, List<Reason>> controls = new LinkedHashMap<>();
        report.results().forEach(r -> controls.put(r.attack(), r.controls()));
        assertThat(controls.get("consumer-key"))
                .containsExactly(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED);
        assertThat(controls.get("cross-tenant")).containsExactly(Reason.TENANT_NOT_ALLOWED);
    }
}
