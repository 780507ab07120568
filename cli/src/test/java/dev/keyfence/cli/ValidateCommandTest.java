package dev.keyfence.cli;

import static dev.keyfence.cli.CliRun.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";
    static final String CONSUMER = "https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";
    static final String AUDIENCE = "api://mail";

    final TestKey enterpriseKey = TestKey.rsa("ent-1");
    final TestKey consumerKey = TestKey.rsa("con-1");
    final TestKey legacyKey = TestKey.rsa("legacy-2016");
    final Instant now = Instant.now();

    JwksServer server;

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void start() throws IOException {
        server = JwksServer.start();
        server.serveKeys(
                "/common/keys",
                JwkSet.of(
                        enterpriseKey.jwk(),
                        legacyKey
                                .jwk()
                                .certificate(
                                        Instant.parse("2016-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"))));
        server.serveKeys("/consumers/keys", JwkSet.of(consumerKey));
        config = write("keyfence.yaml", config(server.uri("/common/keys").toString()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String config(String enterpriseKeys) {
        return """
                issuers:
                  - name: contoso
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: enterprise
                    tenants: ["tid-a", "tid-b"]
                  - name: consumer
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: consumer
                resource:
                  audiences: ["%s"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                  timeout: PT2S
                """.formatted(TEMPLATE, enterpriseKeys, CONSUMER, server.uri("/consumers/keys"), AUDIENCE);
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    String enterpriseToken(String tenant, Instant at) {
        return Tokens.accessToken(TEMPLATE.replace("{tenantid}", tenant), AUDIENCE, at)
                .tenant(tenant)
                .signedWith(enterpriseKey);
    }

    @Test
    void acceptsValidTokenAndPrintsIssuerTenantKidAndScope() {
        String token = enterpriseToken("tid-a", now);

        CliRun run = CliRun.run("validate", "--config", config.toString(), token);

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(1);
        Map<String, Object> line = lines.get(0);
        assertThat(List.copyOf(line.keySet()))
                .startsWith("index", "valid", "reason", "issuer", "tenant", "kid", "keyScope", "detail");
        assertThat(((Number) line.get("index")).intValue()).isZero();
        assertThat(line.get("valid")).isEqualTo(true);
        assertThat(get(line, "reason")).isNull();
        assertThat(line.get("issuer")).isEqualTo("https://login.example.test/tid-a/v2.0");
        assertThat(line.get("tenant")).isEqualTo("tid-a");
        assertThat(line.get("kid")).isEqualTo("ent-1");
        assertThat(line.get("keyScope")).isEqualTo("enterprise");
        assertThat(get(line, "detail")).isNull();
        assertThat(line.get("fingerprint")).asString().hasSize(12);
        assertThat(run.out()).doesNotContain(token);
    }

    @Test
    void rejectsConsumerKeyForEnterpriseResourceWithExitOne() {
        String token = Tokens.accessToken(CONSUMER, AUDIENCE, now).signedWith(consumerKey);

        CliRun run = CliRun.run("validate", "--config", config.toString(), token);

        assertThat(run.status()).isEqualTo(1);
        Map<String, Object> line = run.lines().get(0);
        assertThat(line.get("valid")).isEqualTo(false);
        assertThat(line.get("reason")).isEqualTo("KEY_SCOPE_NOT_ACCEPTED");
        assertThat(line.get("issuer")).isEqualTo(CONSUMER);
        assertThat(line.get("kid")).isEqualTo("con-1");
        assertThat(line.get("keyScope")).isEqualTo("consumer");
        assertThat(line.get("detail")).asString().isNotBlank();
    }

    @Test
    void printsOneLinePerTokenInFileOrderSkippingBlankLines() throws IOException {
        String good = enterpriseToken("tid-a", now);
        String foreignTenant = enterpriseToken("tid-z", now);
        String garbage = "not-a-token";
        Path tokens = write("tokens.txt", "\n  " + good + "  \n\n" + foreignTenant + "\n" + garbage + "\n\n");

        CliRun run = CliRun.run("validate", "--config", config.toString(), "--tokens", tokens.toString());

        assertThat(run.status()).isEqualTo(1);
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> ((Number) l.get("index")).intValue()).containsExactly(0, 1, 2);
        assertThat(lines)
                .extracting(l -> get(l, "reason"))
                .containsExactly(null, "TENANT_NOT_ALLOWED", "MALFORMED_TOKEN");
        assertThat(get(lines.get(1), "tenant")).isEqualTo("tid-z");
        assertThat(get(lines.get(2), "issuer")).isNull();
        assertThat(get(lines.get(2), "kid")).isNull();
        assertThat(run.out()).doesNotContain(good).doesNotContain(foreignTenant).doesNotContain(garbage);
    }

    @Test
    void readsTokensFromStandardInputWithDash() {
        String good = enterpriseToken("tid-b", now);

        CliRun run =
                CliRun.withStdin(good + "\n" + good + "\n", "validate", "--config", config.toString(), "--tokens", "-");

        assertThat(run.status()).isZero();
        assertThat(run.lines())
                .hasSize(2)
                .allSatisfy(l -> assertThat(l.get("valid")).isEqualTo(true));
    }

    @Test
    void nowEvaluatesKeyWindowAtThatInstant() {
        Instant then = Instant.parse("2020-06-01T12:00:00Z");
        String token = Tokens.accessToken(TEMPLATE.replace("{tenantid}", "tid-a"), AUDIENCE, then)
                .tenant("tid-a")
                .signedWith(legacyKey);

        CliRun today = CliRun.run("validate", "--config", config.toString(), token);
        CliRun back = CliRun.run("validate", "--config", config.toString(), "--now", "2020-06-01T12:05:00Z", token);
        CliRun after = CliRun.run("validate", "--config", config.toString(), "--now", "2021-06-01T12:05:00Z", token);

        assertThat(today.status()).isEqualTo(1);
        assertThat(today.lines().get(0).get("reason")).isEqualTo("KEY_EXPIRED");
        assertThat(today.lines().get(0).get("kid")).isEqualTo("legacy-2016");
        assertThat(back.status()).isZero();
        assertThat(back.lines().get(0).get("valid")).isEqualTo(true);
        assertThat(after.lines().get(0).get("reason")).isEqualTo("KEY_EXPIRED");
    }

    @Test
    void unreachableIssuerIsKeysUnavailableVerdictNotACrash() throws IOException {
        server.resetConnection("/dead/keys");
        Path dead = write("dead.yaml", config(server.uri("/dead/keys").toString()));

        CliRun run = CliRun.run("validate", "--config", dead.toString(), enterpriseToken("tid-a", now));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines().get(0).get("reason")).isEqualTo("KEYS_UNAVAILABLE");
        assertThat(run.lines().get(0).get("issuer")).isEqualTo("https://login.example.test/tid-a/v2.0");
    }

    @Test
    void expiredTokenIsTokenExpired() {
        String token = Tokens.accessToken(
                        TEMPLATE.replace("{tenantid}", "tid-a"), AUDIENCE, now.minus(Duration.ofHours(2)))
                .tenant("tid-a")
                .signedWith(enterpriseKey);

        CliRun run = CliRun.run("validate", "--config", config.toString(), token);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines().get(0).get("reason")).isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    void helpShowsAnExampleAndExitsZero() {
        CliRun run = CliRun.run("validate", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Example")
                .contains("--config")
                .contains("--tokens")
                .contains("--now");
        assertThat(run.err()).isEmpty();
    }
}
