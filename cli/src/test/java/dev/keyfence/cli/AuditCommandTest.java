package dev.keyfence.cli;

import static dev.keyfence.cli.CliRun.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    static final String NOW = "2025-01-01T00:00:00Z";
    static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";
    static final String CONSUMER = "https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";
    static final String LEGACY = "https://legacy.example.test";
    static final Instant Y2024 = Instant.parse("2024-06-01T00:00:00Z");
    static final Instant Y2026 = Instant.parse("2026-06-01T00:00:00Z");

    final TestKey shared = TestKey.rsa("shared-1");
    final TestKey expired = TestKey.rsa("expired-2021");
    final TestKey old = TestKey.rsa("old-2019");
    final TestKey weak = TestKey.rsa("weak-1024", 1024);
    final TestKey plain = TestKey.ec("plain-1", "P-256");
    final TestKey good = TestKey.rsa("good-1");

    JwksServer server;

    @TempDir
    Path dir;

    Path config;

    JwkBuilder bound(TestKey k, Instant nb, Instant na, String issuer) {
        return k.jwk().certificate(nb, na).member("issuer", issuer);
    }

    @BeforeEach
    void start() throws IOException {
        server = JwksServer.start();
        server.serveKeys(
                "/common/keys",
                JwkSet.of(
                        bound(shared, Y2024, Y2026, TEMPLATE),
                        bound(
                                expired,
                                Instant.parse("2016-04-01T00:00:00Z"),
                                Instant.parse("2021-04-01T00:00:00Z"),
                                TEMPLATE),
                        bound(
                                old,
                                Instant.parse("2019-01-01T00:00:00Z"),
                                Instant.parse("2030-01-01T00:00:00Z"),
                                TEMPLATE),
                        bound(weak, Y2024, Y2026, TEMPLATE)));
        server.serveKeys("/consumers/keys", JwkSet.of(bound(shared, Y2024, Y2026, CONSUMER), plain.jwk()));
        server.respond("/legacy/keys", 500, "{}");
        config = write("keyfence.yaml", """
                issuers:
                  - name: contoso
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: enterprise
                    tenants: ["*"]
                  - name: consumer
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: consumer
                  - name: legacy
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                  timeout: PT2S
                """.formatted(
                        TEMPLATE,
                        server.uri("/common/keys"),
                        CONSUMER,
                        server.uri("/consumers/keys"),
                        LEGACY,
                        server.uri("/legacy/keys")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** A configuration whose only key comes from a file: no transport finding. */
    Path fileConfig(JwkBuilder key, String extraResource) throws IOException {
        write("keys.json", JwkSet.of(key).toJson());
        return write("file.yaml", """
                issuers:
                  - name: local
                    issuer: "https://local.example.test"
                    jwks-file: keys.json
                    key-scope: enterprise
                resource:
                  audiences: ["api://x"]
                  accepted-key-scopes: [enterprise]
                %s""".formatted(extraResource));
    }

    CliRun audit(Path cfg, String... more) {
        String[] args = {"audit", "--config", cfg.toString(), "--now", NOW};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.run(all);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(Map<String, Object> object, String member) {
        return (List<Map<String, Object>>) object.get(member);
    }

    static boolean has(List<Map<String, Object>> findings, String severity, String code, String issuer, String kid) {
        return findings.stream()
                .anyMatch(f -> severity.equals(f.get("severity"))
                        && code.equals(f.get("code"))
                        && java.util.Objects.equals(issuer, get(f, "issuer"))
                        && java.util.Objects.equals(kid, get(f, "kid")));
    }

    @Test
    void reportsEveryFindingWithItsSeverity() {
        CliRun run = audit(config, "--format", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        Map<String, Object> report = CliRun.json(lines.get(0));
        assertThat(List.copyOf(report.keySet())).startsWith("controls", "issuers", "findings");
        List<Map<String, Object>> f = array(report, "findings");
        assertThat(has(f, "critical", "KEY_SHARED_ACROSS_SCOPES", TEMPLATE, "shared-1"))
                .isTrue();
        assertThat(has(f, "critical", "KEY_SHARED_ACROSS_SCOPES", CONSUMER, "shared-1"))
                .isTrue();
        assertThat(has(f, "high", "EXPIRED_KEY_PUBLISHED", TEMPLATE, "expired-2021"))
                .isTrue();
        assertThat(has(f, "high", "KEY_TOO_OLD", TEMPLATE, "old-2019")).isTrue();
        assertThat(has(f, "high", "WEAK_KEY", TEMPLATE, "weak-1024")).isTrue();
        assertThat(has(f, "high", "TENANT_UNRESTRICTED", TEMPLATE, null)).isTrue();
        assertThat(has(f, "high", "ISSUER_UNREACHABLE", LEGACY, null)).isTrue();
        assertThat(has(f, "high", "INSECURE_KEY_TRANSPORT", CONSUMER, null)).isTrue();
        assertThat(has(f, "medium", "KEY_WITHOUT_VALIDITY", CONSUMER, "plain-1"))
                .isTrue();
        assertThat(has(f, "medium", "KEY_WITHOUT_ISSUER_BINDING", CONSUMER, "plain-1"))
                .isTrue();
        // keys that are fine on a count are not reported for it
        assertThat(has(f, "high", "KEY_TOO_OLD", TEMPLATE, "shared-1")).isFalse();
        assertThat(has(f, "high", "WEAK_KEY", TEMPLATE, "old-2019")).isFalse();
        assertThat(has(f, "medium", "KEY_WITHOUT_VALIDITY", TEMPLATE, "shared-1"))
                .isFalse();
        assertThat(has(f, "medium", "KEY_WITHOUT_ISSUER_BINDING", TEMPLATE, "shared-1"))
                .isFalse();
        assertThat(f.stream().noneMatch(x -> x.get("code").equals("SYMMETRIC_ALGORITHM_ALLOWED")))
                .isTrue();
        assertThat(f.stream().noneMatch(x -> x.get("code").equals("LONG_CLOCK_SKEW")))
                .isTrue();
        assertThat(f.get(0).get("severity")).isEqualTo("critical");
        assertThat(f)
                .allSatisfy(x ->
                        assertThat(List.copyOf(x.keySet())).startsWith("severity", "code", "issuer", "kid", "message"));
    }

    @Test
    void listsEveryControlAndEveryKeyWithItsDetails() {
        Map<String, Object> report =
                CliRun.json(audit(config, "--format", "json").out().strip());

        List<Map<String, Object>> controls = array(report, "controls");
        assertThat(controls)
                .extracting(c -> c.get("name"))
                .containsExactly(Arrays.stream(Control.values()).map(Enum::name).toArray());
        assertThat(controls).allSatisfy(c -> assertThat(c.get("enabled")).isEqualTo(true));
        List<Map<String, Object>> issuers = array(report, "issuers");
        assertThat(issuers).extracting(i -> i.get("name")).containsExactly("contoso", "consumer", "legacy");
        assertThat(issuers.get(0).get("issuer")).isEqualTo(TEMPLATE);
        assertThat(issuers.get(2).get("health")).isEqualTo("DOWN");
        List<Map<String, Object>> keys = array(issuers.get(0), "keys");
        assertThat(keys)
                .extracting(k -> k.get("kid"))
                .containsExactlyInAnyOrder("shared-1", "expired-2021", "old-2019", "weak-1024");
        Map<String, Object> expiredKey = keys.stream()
                .filter(k -> k.get("kid").equals("expired-2021"))
                .findFirst()
                .orElseThrow();
        assertThat(expiredKey.get("type")).isEqualTo("RSA");
        assertThat(((Number) expiredKey.get("size")).intValue()).isEqualTo(2048);
        assertThat(expiredKey.get("thumbprint")).isEqualTo(expired.thumbprint());
        @SuppressWarnings("unchecked")
        Map<String, Object> window = (Map<String, Object>) expiredKey.get("window");
        assertThat(window.get("notAfter")).isEqualTo("2021-04-01T00:00:00Z");
        assertThat(window.get("from")).isEqualTo(List.of("x5c"));
        assertThat(expiredKey.get("status")).isEqualTo("EXPIRED");
        assertThat(expiredKey.get("age")).isEqualTo("P3197D");
        Map<String, Object> sharedKey = keys.stream()
                .filter(k -> k.get("kid").equals("shared-1"))
                .findFirst()
                .orElseThrow();
        assertThat(sharedKey.get("scopes")).isEqualTo(List.of("consumer", "enterprise"));
        assertThat(report.toString()).doesNotContain("\"n\"");
    }

    @Test
    void keysKnownOnlyByFirstSightingHaveNoNegativeAgeOnTheSystemClock() {
        // no --now: the report reads the sources on the system clock, and a key first seen by that
        // read is younger than the report, never older (it printed "PT-1S" before). The slow answer
        // makes the first read end after the report has started.
        server.delay("/consumers/keys", java.time.Duration.ofMillis(500));
        CliRun run = CliRun.run("audit", "--config", config.toString(), "--format", "json", "--fail-on", "never");

        assertThat(run.status()).as(run.err()).isZero();
        List<Map<String, Object>> keys =
                array(array(CliRun.json(run.out().strip()), "issuers").get(1), "keys");
        Map<String, Object> plainKey = keys.stream()
                .filter(k -> k.get("kid").equals("plain-1"))
                .findFirst()
                .orElseThrow();
        assertThat(java.time.Duration.parse((String) plainKey.get("age")).isNegative())
                .isFalse();
        assertThat(keys).allSatisfy(k -> assertThat((String) k.get("age")).doesNotContain("-"));
    }

    @Test
    void failOnThresholdDecidesExitStatus() throws IOException {
        assertThat(audit(config).status()).isEqualTo(1);
        assertThat(audit(config, "--fail-on", "critical").status()).isEqualTo(1);
        assertThat(audit(config, "--fail-on", "never").status()).isZero();

        Path mediumOnly = fileConfig(TestKey.rsa("k-file").jwk().member("issuer", "https://local.example.test"), "");
        assertThat(audit(mediumOnly, "--format", "json").out()).contains("KEY_WITHOUT_VALIDITY");
        assertThat(audit(mediumOnly).status()).isZero();
        assertThat(audit(mediumOnly, "--fail-on", "critical").status()).isZero();
        assertThat(audit(mediumOnly, "--fail-on", "medium").status()).isEqualTo(1);
        assertThat(audit(mediumOnly, "--fail-on", "low").status()).isEqualTo(1);
    }

    @Test
    void cleanConfigurationHasNoFindingsAndPasses() throws IOException {
        Path clean = fileConfig(bound(good, Y2024, Y2026, "https://local.example.test"), "");

        CliRun run = audit(clean, "--format", "json", "--fail-on", "low");

        assertThat(run.status()).isZero();
        assertThat(array(CliRun.json(run.out().strip()), "findings")).isEmpty();
    }

    @Test
    void longClockSkewAndSymmetricAlgorithmsAreReported() throws IOException {
        write(
                "keys.json",
                JwkSet.of(bound(good, Y2024, Y2026, "https://local.example.test"))
                        .toJson());
        Path cfg = write("skew.yaml", """
                issuers:
                  - name: local
                    issuer: "https://local.example.test"
                    jwks-file: keys.json
                    key-scope: enterprise
                    algorithms: [RS256, HS256]
                resource:
                  audiences: ["api://x"]
                  accepted-key-scopes: [enterprise]
                  clock-skew: PT3M
                """);

        List<Map<String, Object>> f =
                array(CliRun.json(audit(cfg, "--format", "json").out().strip()), "findings");

        assertThat(has(f, "medium", "LONG_CLOCK_SKEW", null, null)).isTrue();
        assertThat(has(f, "high", "SYMMETRIC_ALGORITHM_ALLOWED", "https://local.example.test", null))
                .isTrue();
    }

    @Test
    void textFormatShowsTablesAndSummary() {
        CliRun run = audit(config);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .contains("CONTROLS (" + Control.values().length + " of " + Control.values().length + " on)")
                .contains("ISSUER contoso")
                .contains("KID")
                .contains("THUMBPRINT")
                .contains("expired-2021")
                .contains("FINDINGS")
                .contains("critical")
                .contains("KEY_SHARED_ACROSS_SCOPES")
                .contains("--fail-on high: FAIL");
    }

    @Test
    void helpShowsAnExample() {
        CliRun run = CliRun.run("audit", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Example").contains("--fail-on").contains("--format");
    }
}
