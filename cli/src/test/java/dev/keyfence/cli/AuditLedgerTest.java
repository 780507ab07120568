package dev.keyfence.cli;

import static dev.keyfence.cli.CliRun.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit} with a {@code ledger:} section: reads the ledger, reports a republished key and the ledger's state. */
class AuditLedgerTest {
    static final String ISSUER = "https://login.example.test/contoso/v2.0";
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    final TestKey current = TestKey.rsa("current-1");
    final TestKey returned = TestKey.rsa("returned-1");

    JwksServer server;

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void start() throws IOException {
        server = JwksServer.start();
        server.serveKeys(
                "/keys",
                JwkSet.of(current.jwk().member("issuer", ISSUER), returned.jwk().member("issuer", ISSUER)));
        config = dir.resolve("keyfence.yaml");
        Files.writeString(config, """
                issuers:
                  - name: contoso
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                  timeout: PT2S
                ledger:
                  directory: ledger
                """.formatted(ISSUER, server.uri("/keys")));
        try (KeyLedger ledger = KeyLedgers.directory(dir.resolve("ledger"))) {
            ledger.append(LedgerBatch.of(KeyRecord.of(returned.thumbprint())
                    .seen("returned-1", new KeyRecord.Publisher("contoso", ISSUER, "enterprise"), T0)
                    .removed(T0.plusSeconds(86_400))));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsTheRepublishedKeyAndTheLedgersState() {
        CliRun run = CliRun.run("audit", "--config", config.toString(), "--format", "json");
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        Map<String, Object> report = CliRun.json(run.out());
        List<Map<String, Object>> findings = (List<Map<String, Object>>) get(report, "findings");
        assertThat(findings)
                .filteredOn(f -> "KEY_REPUBLISHED".equals(f.get("code")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.get("severity")).isEqualTo("high");
                    assertThat(f.get("kid")).isEqualTo("returned-1");
                });
        Map<String, Object> ledger = (Map<String, Object>) get(report, "ledger");
        assertThat(ledger.get("status")).isEqualTo("UP");
        assertThat((String) ledger.get("ledger")).startsWith("directory ");

        CliRun text = CliRun.run("audit", "--config", config.toString());
        assertThat(text.out()).contains("LEDGER directory ").contains("KEY_REPUBLISHED");
    }

    @Test
    void auditAtAChosenInstantNeverStoresSightingsAtThatInstant() {
        CliRun run = CliRun.run(
                "audit",
                "--config",
                config.toString(),
                "--now",
                "2016-01-01T00:00:00Z",
                "--fail-on",
                "never",
                "--format",
                "json");
        assertThat(run.status()).as(run.err()).isEqualTo(0);
        try (KeyLedger ledger = KeyLedgers.directory(dir.resolve("ledger"))) {
            assertThat(ledger.load().key(current.thumbprint())).isEmpty();
            assertThat(ledger.load().key(returned.thumbprint()).orElseThrow().firstSeen())
                    .contains(T0);
        }
    }
}
