package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every usage and configuration error: exit 2, one line on stderr naming the problem, nothing on stdout. */
class UsageErrorTest {
    @TempDir
    Path dir;

    JwksServer server;
    Path config;
    final String token = Tokens.accessToken("https://issuer.example.test", "api://x", Instant.now())
            .signedWith(TestKey.rsa("k1"));

    @BeforeEach
    void setUp() throws IOException {
        server = JwksServer.start();
        server.serveKeys("/keys", JwkSet.of(TestKey.rsa("k1")));
        config = write("ok.yaml", """
                issuers:
                  - name: one
                    issuer: "https://issuer.example.test"
                    jwks-uri: "%s"
                    key-scope: enterprise
                resource:
                  audiences: ["api://x"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                """.formatted(server.uri("/keys")));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static void assertUsageError(CliRun run, String... mentions) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("keyfence: ");
        for (String m : mentions) {
            assertThat(run.err()).contains(m);
        }
    }

    @Test
    void noCommandIsUsageError() {
        assertUsageError(CliRun.run(), "Missing command");
    }

    @Test
    void unknownCommandIsUsageError() {
        assertUsageError(CliRun.run("frobnicate"), "frobnicate");
    }

    @Test
    void unknownOptionIsUsageError() {
        assertUsageError(CliRun.run("validate", "--config", config.toString(), "--frob", token), "--frob");
    }

    @Test
    void missingConfigOptionIsUsageError() {
        assertUsageError(CliRun.run("validate", token), "--config");
    }

    @Test
    void missingConfigFileIsUsageError() {
        assertUsageError(
                CliRun.run("validate", "--config", dir.resolve("nope.yaml").toString(), token),
                "--config",
                "nope.yaml");
        assertUsageError(
                CliRun.run("audit", "--config", dir.resolve("nope.yaml").toString()), "nope.yaml");
    }

    @Test
    void badYamlIsConfigurationError() throws IOException {
        Path bad = write("bad.yaml", "issuers: [\n  - name: x\n");
        assertUsageError(CliRun.run("validate", "--config", bad.toString(), token), "YAML");
        assertUsageError(CliRun.run("audit", "--config", bad.toString()), "YAML");
    }

    @Test
    void unknownConfigKeyIsConfigurationErrorNamingIt() throws IOException {
        Path bad = write("unknown.yaml", Files.readString(config) + "surprise: true\n");
        assertUsageError(CliRun.run("validate", "--config", bad.toString(), token), "surprise");
    }

    @Test
    void missingRequiredConfigKeyIsConfigurationErrorNamingIt() throws IOException {
        Path bad = write("noaud.yaml", Files.readString(config).replace("  audiences: [\"api://x\"]\n", ""));
        assertUsageError(CliRun.run("audit", "--config", bad.toString()), "audiences");
    }

    @Test
    void noTokensIsUsageError() {
        assertUsageError(CliRun.run("validate", "--config", config.toString()), "no tokens");
        assertUsageError(CliRun.run("verify-signature", "--jwk", config.toString()), "no tokens");
    }

    @Test
    void tokensBothAsArgumentsAndFileIsUsageError() throws IOException {
        Path tokens = write("t.txt", token + "\n");
        assertUsageError(
                CliRun.run("validate", "--config", config.toString(), "--tokens", tokens.toString(), token),
                "not both");
    }

    @Test
    void missingTokensFileIsUsageError() {
        assertUsageError(
                CliRun.run(
                        "validate",
                        "--config",
                        config.toString(),
                        "--tokens",
                        dir.resolve("missing.txt").toString()),
                "missing.txt");
    }

    @Test
    void emptyTokensFileIsUsageError() throws IOException {
        Path empty = write("empty.txt", "\n \n");
        assertUsageError(
                CliRun.run("validate", "--config", config.toString(), "--tokens", empty.toString()), "no tokens");
    }

    @Test
    void badNowIsUsageErrorThatDoesNotEchoATokenGivenInItsPlace() {
        CliRun run = CliRun.run("validate", "--config", config.toString(), "--now", token, token);
        assertUsageError(run, "--now");
        assertThat(run.err()).doesNotContain(token).doesNotContain(token.substring(0, token.indexOf('.')));
    }

    @Test
    void unmatchedTokenArgumentIsNeverEchoed() {
        CliRun run = CliRun.run("audit", "--config", config.toString(), token);
        assertUsageError(run);
        assertThat(run.err()).doesNotContain(token).contains("<token ");
    }

    @Test
    void badFormatAndFailOnAreUsageErrors() {
        assertUsageError(CliRun.run("audit", "--config", config.toString(), "--format", "xml"), "--format");
        assertUsageError(CliRun.run("audit", "--config", config.toString(), "--fail-on", "severe"), "--fail-on");
    }

    @Test
    void missingJwkFileIsUsageError() {
        assertUsageError(
                CliRun.run("verify-signature", "--jwk", dir.resolve("k.json").toString(), token), "k.json");
    }

    @Test
    void unusableJwkFileIsUsageError() throws IOException {
        assertUsageError(
                CliRun.run(
                        "verify-signature",
                        "--jwk",
                        write("k.json", "{not json").toString(),
                        token),
                "jwk");
        assertUsageError(
                CliRun.run(
                        "verify-signature",
                        "--jwk",
                        write("e.json", "{\"keys\":[]}").toString(),
                        token),
                "no usable key");
    }

    @Test
    void rootHelpListsCommands() {
        CliRun run = CliRun.run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("validate")
                .contains("audit")
                .contains("verify-signature")
                .contains("Example");
    }
}
