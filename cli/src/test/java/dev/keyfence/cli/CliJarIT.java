package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar with {@code java -jar} as a separate process, against keys served over real HTTP. */
class CliJarIT {
    static final String ISSUER = "https://login.example.test/{tenantid}/v2.0";
    static final String CONSUMER = "https://login.example.test/consumers/v2.0";

    final TestKey enterprise = TestKey.rsa("ent-1");
    final TestKey consumer = TestKey.rsa("con-1");
    JwksServer server;

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void start() throws IOException {
        server = JwksServer.start();
        server.serveKeys("/common/keys", JwkSet.of(enterprise.jwk(), consumer.jwk()));
        server.serveKeys("/consumers/keys", JwkSet.of(consumer));
        config = dir.resolve("keyfence.yaml");
        Files.writeString(
                config, """
                issuers:
                  - name: contoso
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: enterprise
                    tenants: ["tid-a"]
                  - name: consumer
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: consumer
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                """.formatted(ISSUER, server.uri("/common/keys"), CONSUMER, server.uri("/consumers/keys")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Result(int status, String out, String err) {}

    static Result java(String stdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("keyfence.cli.jar", "target/keyfence-cli.jar");
        assertThat(Path.of(jar)).exists();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void validateFromStandardInputPrintsJsonLinesAndExitsOneOnAnyRejection() throws Exception {
        Instant now = Instant.now();
        String good = Tokens.accessToken(ISSUER.replace("{tenantid}", "tid-a"), "api://mail", now)
                .tenant("tid-a")
                .signedWith(enterprise);
        String forged = Tokens.accessToken(ISSUER.replace("{tenantid}", "tid-a"), "api://mail", now)
                .tenant("tid-a")
                .signedWith(consumer);

        Result r = java(good + "\n\n" + forged + "\n", "validate", "--config", config.toString(), "--tokens", "-");

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        Map<String, Object> first = CliRun.json(lines.get(0));
        Map<String, Object> second = CliRun.json(lines.get(1));
        assertThat(first.get("valid")).isEqualTo(true);
        assertThat(first.get("keyScope")).isEqualTo("enterprise");
        assertThat(second.get("reason")).isEqualTo("KEY_SCOPE_NOT_ACCEPTED");
        assertThat(second.get("kid")).isEqualTo("con-1");
        assertThat(r.out() + r.err()).doesNotContain(good).doesNotContain(forged);
        assertThat(server.hits("/common/keys")).isPositive();
    }

    @Test
    void versionNamesTheBuiltVersion() throws Exception {
        Result r = java("", "--version");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("keyfence " + System.getProperty("keyfence.version"));
    }

    @Test
    void validateAllValidExitsZero() throws Exception {
        String good = Tokens.accessToken(ISSUER.replace("{tenantid}", "tid-a"), "api://mail", Instant.now())
                .tenant("tid-a")
                .signedWith(enterprise);

        Result r = java("", "validate", "--config", config.toString(), good);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(CliRun.json(r.out().strip()).get("valid")).isEqualTo(true);
    }

    @Test
    void auditReportsSharedKeyAsCriticalAndFailsOnCritical() throws Exception {
        Result r = java("", "audit", "--config", config.toString(), "--format", "json", "--fail-on", "critical");

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.out().lines().count()).isEqualTo(1);
        assertThat(r.out()).contains("\"severity\":\"critical\",\"code\":\"KEY_SHARED_ACROSS_SCOPES\"");
        Result never = java("", "audit", "--config", config.toString(), "--fail-on", "never");
        assertThat(never.status()).isZero();
        assertThat(never.out()).contains("FINDINGS");
    }

    @Test
    void verifySignatureWithJwkFile() throws Exception {
        Path jwk = dir.resolve("k.json");
        Files.writeString(jwk, enterprise.jwk().toJson());
        String token = Tokens.accessToken(CONSUMER, "api://x", Instant.now()).signedWith(enterprise);

        Result r = java("", "verify-signature", "--jwk", jwk.toString(), token);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(CliRun.json(r.out().strip()).get("kid")).isEqualTo("ent-1");
    }

    @Test
    void configurationErrorExitsTwoWithOneLineOnStderrAndNothingOnStdout() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "issuers: []\nresource:\n  audiences: [a]\n  accepted-key-scopes: [x]\n");

        Result r = java("", "validate", "--config", bad.toString(), "a.b.c");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("issuers");
    }

    @Test
    void drillPrintsJsonLinesExitsZeroAndNeverContactsTheKeySources() throws Exception {
        Result r = java("", "drill", "--config", config.toString(), "--format", "json");

        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(18);
        for (String line : lines) {
            Map<String, Object> attack = CliRun.json(line);
            assertThat(attack).containsKeys("attack", "valid", "reason", "controls");
            assertThat(attack.get("valid")).as(line).isEqualTo(false);
        }
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void drillOfAWeakenedPolicyExitsOne() throws Exception {
        Files.writeString(config, Files.readString(config).replace("tenants: [\"tid-a\"]", "tenants: [\"*\"]"));

        Result r = java("", "drill", "--config", config.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FINDING: 2023: cross-tenant iss/tid (attacker's own tenant): ACCEPTED");
    }
}
