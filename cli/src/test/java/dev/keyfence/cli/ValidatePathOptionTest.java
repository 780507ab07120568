package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --path PATH}: the resource profile whose {@code paths} match decides, as an HTTP
 * front door would; without it the {@code resource:} section applies. A consumer token that the
 * default resource accepts is KEY_SCOPE_NOT_ACCEPTED on the path a profile declares enterprise-only.
 */
class ValidatePathOptionTest {
    static final String ENTERPRISE_ISSUER = "https://login.example.test/tid-a/v2.0";
    static final String CONSUMER_ISSUER = "https://login.example.test/consumers/v2.0";
    final TestKey enterpriseKey = TestKey.rsa("ent-1");
    final TestKey consumerKey = TestKey.rsa("con-1");

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void write() throws IOException {
        Files.writeString(
                dir.resolve("enterprise.json"), JwkSet.of(enterpriseKey).toJson());
        Files.writeString(dir.resolve("consumer.json"), JwkSet.of(consumerKey).toJson());
        config = Files.writeString(dir.resolve("keyfence.yaml"), yaml("/api/me"));
    }

    private String yaml(String mePath) {
        return """
                issuers:
                  - name: enterprise
                    issuer: "%s"
                    jwks-file: enterprise.json
                    key-scope: enterprise
                  - name: consumer
                    issuer: "%s"
                    jwks-file: consumer.json
                    key-scope: consumer
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise, consumer]
                resources:
                  me:
                    paths: ["%s"]
                    accepted-key-scopes: [enterprise]
                """.formatted(ENTERPRISE_ISSUER, CONSUMER_ISSUER, mePath);
    }

    private String consumerToken() {
        return Tokens.accessToken(CONSUMER_ISSUER, "api://mail", Instant.now()).signedWith(consumerKey);
    }

    @Test
    void pathOfAnEnterpriseOnlyProfileRefusesConsumerKey() {
        CliRun run = CliRun.run("validate", "--config", config.toString(), "--path", "/api/me", consumerToken());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines().get(0).get("reason")).isEqualTo("KEY_SCOPE_NOT_ACCEPTED");
        String enterprise = Tokens.accessToken(ENTERPRISE_ISSUER, "api://mail", Instant.now())
                .signedWith(enterpriseKey);
        assertThat(CliRun.run("validate", "--config", config.toString(), "--path", "/api/me", enterprise)
                        .status())
                .isZero();
    }

    @Test
    void withoutPathOrOnAnotherPathTheResourceSectionApplies() {
        assertThat(CliRun.run("validate", "--config", config.toString(), consumerToken())
                        .status())
                .isZero();
        assertThat(CliRun.run("validate", "--config", config.toString(), "--path", "/api/other", consumerToken())
                        .status())
                .isZero();
    }

    @Test
    void ambiguousPathIsAUsageError() {
        for (String path : new String[] {"/api/x/../me", "/api/me;x", "/API/me", "/api/me/", "api/me", "/api%2Fme"}) {
            CliRun run = CliRun.run("validate", "--config", config.toString(), "--path", path, consumerToken());
            assertThat(run.status()).as(path).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).startsWith("keyfence: --path: ambiguous request path");
        }
    }

    @Test
    void badPatternIsAConfigurationErrorNamingTheEntry() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml("/api/*"));
        CliRun run = CliRun.run("validate", "--config", bad.toString(), consumerToken());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("resources.me.paths[0]: \"/api/*\"", "write \"/api/**\"");
    }
}
