package dev.keyfence.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.TokenValidator;
import dev.keyfence.jakarta.support.Deployment;
import dev.keyfence.jakarta.support.Http;
import dev.keyfence.jakarta.support.Http.Reply;
import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key ledger given by the filter's {@code keyfence.ledger.*} init parameters, on a real
 * container: a revocation recorded in the directory ledger is applied by a filter started
 * afterwards, a filter on another ledger does not share its validator, and contradictory or
 * unknown ledger parameters fail startup naming the parameter. Keys are served over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterLedgerScenarios {
    private static final String MAIL = "api://mail";

    private Path dir;
    private JwksServer server;
    private final TestKey key = TestKey.rsa("ledger-1");
    private Path config;

    abstract ServletContainer container();

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        server = JwksServer.start();
        server.serveKeys("/local/keys", JwkSet.of(key));
        config = Files.writeString(dir.resolve("keyfence.yaml"), yaml(""));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String yaml(String extra) {
        return """
                issuers:
                  - name: local
                    issuer: "%1$s/local"
                    jwks-uri: "%1$s/local/keys"
                    key-scope: enterprise
                resource:
                  audiences: ["%2$s"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                %3$s""".formatted("http://127.0.0.1:" + server.port(), MAIL, extra);
    }

    private String token() {
        return Tokens.accessToken("http://127.0.0.1:" + server.port() + "/local", MAIL, Instant.now())
                .signedWith(key);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private String startupFailure(Map<String, String> params) {
        return container().startupFailure(Deployment.create().filter("keyfence", KeyfenceFilter.class, params, "/*"));
    }

    @Test
    void revocationRecordedInTheDirectoryLedgerIsRefusedByAFilterStartedAfterwards() {
        Path revoking = dir.resolve("ledger-revoking");
        Path other = dir.resolve("ledger-other");
        Deployment first = Deployment.create()
                .filter(
                        "keyfence",
                        KeyfenceFilter.class,
                        params(
                                KeyfenceFilter.CONFIG,
                                config.toString(),
                                KeyfenceFilter.LEDGER_DIRECTORY,
                                revoking.toString()),
                        "/api/*");
        try (ServletContainer.Running running = container().start(first)) {
            assertThat(Http.bearer(running.port(), "/api/me", token()).status()).isEqualTo(200);
            try (KeyLedger ledger = KeyLedgers.directory(revoking)) { // what `keyfence ledger revoke` records
                ledger.revoke(key.thumbprint(), new KeyRecord.Action("alice", "key leaked", Instant.now()));
            }
        }

        Deployment later = Deployment.create()
                .filter(
                        "revoking",
                        KeyfenceFilter.class,
                        params(
                                KeyfenceFilter.CONFIG,
                                config.toString(),
                                KeyfenceFilter.LEDGER_DIRECTORY,
                                revoking.toString()),
                        "/api/*")
                .filter(
                        "other",
                        KeyfenceFilter.class,
                        params(
                                KeyfenceFilter.CONFIG,
                                config.toString(),
                                KeyfenceFilter.LEDGER_DIRECTORY,
                                other.toString()),
                        "/other/*");
        try (ServletContainer.Running running = container().start(later)) {
            assertRejected(Http.bearer(running.port(), "/api/me", token()), "KEY_REVOKED");
            assertThat(Http.bearer(running.port(), "/other/me", token()).status())
                    .as("a filter on another ledger has its own validator")
                    .isEqualTo(200);
        }
    }

    @Test
    void failsStartupNamingContradictoryLedgerParameters() {
        assertThat(startupFailure(params(
                        KeyfenceFilter.CONFIG,
                        config.toString(),
                        KeyfenceFilter.LEDGER_DIRECTORY,
                        dir.resolve("l1").toString(),
                        KeyfenceFilter.LEDGER_JDBC_URL,
                        "jdbc:postgresql://db.test/keyfence")))
                .startsWith("keyfence.ledger.jdbc-url: give either directory (embedded ledger) or jdbc-url");
        assertThat(startupFailure(params(
                        KeyfenceFilter.CONFIG,
                        config.toString(),
                        KeyfenceFilter.LEDGER_DIRECTORY,
                        dir.resolve("l2").toString(),
                        KeyfenceFilter.LEDGER_USERNAME,
                        "keyfence")))
                .startsWith("keyfence.ledger.username: only with jdbc-url");
        assertThat(startupFailure(params(
                        KeyfenceFilter.CONFIG,
                        config.toString(),
                        KeyfenceFilter.LEDGER_JDBC_URL,
                        "jdbc:postgresql://keyfence:secret@db.test/keyfence")))
                .startsWith("keyfence.ledger.jdbc-url: carries credentials")
                .doesNotContain("secret");
    }

    @Test
    void failsStartupNamingAnUnknownLedgerParameter() {
        assertThat(startupFailure(
                        params(KeyfenceFilter.CONFIG, config.toString(), "keyfence.ledger.password", "secret")))
                .startsWith("keyfence.ledger.password: unknown init parameter")
                .contains(KeyfenceFilter.LEDGER_PASSWORD_ENV)
                .doesNotContain("secret");
    }

    @Test
    void failsStartupWhenTheFileAndTheParametersBothGiveALedger() throws IOException {
        Path withLedger = Files.writeString(
                dir.resolve("with-ledger.yaml"), yaml("ledger:\n  directory: " + dir.resolve("in-file") + "\n"));
        assertThat(startupFailure(params(
                        KeyfenceFilter.CONFIG,
                        withLedger.toString(),
                        KeyfenceFilter.LEDGER_DIRECTORY,
                        dir.resolve("l3").toString())))
                .startsWith("keyfence.ledger.directory: the file " + withLedger + " has a ledger: section already");
    }

    @Test
    void failsStartupWhenAProgrammaticFilterIsGivenALedgerParameter() {
        Deployment app = Deployment.create()
                .filter(
                        "keyfence",
                        new KeyfenceFilter(TokenValidator.fromConfig(config)),
                        params(
                                KeyfenceFilter.LEDGER_DIRECTORY,
                                dir.resolve("l4").toString()),
                        "/*");
        assertThat(container().startupFailure(app)).startsWith("keyfence.ledger.directory: not allowed");
    }

    private static void assertRejected(Reply reply, String reason) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
    }
}
