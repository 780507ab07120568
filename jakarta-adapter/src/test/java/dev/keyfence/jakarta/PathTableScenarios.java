package dev.keyfence.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.jakarta.support.Deployment;
import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.PathTable;
import dev.keyfence.testkit.RawHttp;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared path table ({@link PathTable}) on a real container, sent byte for byte over a socket:
 * each row gets exactly its profile (a token of that profile's audience reaches the application,
 * one of another audience gets 401 AUDIENCE_NOT_ACCEPTED), or 400 before any profile is chosen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PathTableScenarios {
    private static final Map<String, String> AUDIENCE =
            Map.of("me", "api://me", "admin", "api://admin", "default", "api://mail");
    private final TestKey key = TestKey.rsa("local-1");
    private JwksServer server;
    private ServletContainer.Running running;

    abstract ServletContainer container();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = JwksServer.start();
        server.serveKeys("/local/keys", JwkSet.of(key));
        Path config = Files.writeString(dir.resolve("keyfence.yaml"), """
                issuers:
                  - name: local
                    issuer: "%1$s/local"
                    jwks-uri: "%1$s/local/keys"
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                resources:
                  me:
                    paths: ["%2$s"]
                    audiences: ["api://me"]
                  admin:
                    paths: ["%3$s"]
                    audiences: ["api://admin"]
                jwks:
                  allow-http-loopback: true
                """.formatted(
                        "http://127.0.0.1:" + server.port(), PathTable.ME_PATTERN, PathTable.ADMIN_PATTERN));
        running = container()
                .start(Deployment.create()
                        .filter(
                                "keyfence",
                                KeyfenceFilter.class,
                                Map.of(KeyfenceFilter.CONFIG, config.toString()),
                                "/*"));
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
        server.close();
    }

    Stream<PathTable.Row> rows() {
        return PathTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void routesEveryPathOfTheSharedTable(PathTable.Row row) {
        if (row.expected().equals(PathTable.REFUSED)) {
            RawHttp.Reply reply = RawHttp.get(running.port(), row.path(), token("default"));
            assertThat(reply.status())
                    .as("status for %s (challenges %s)", row.path(), reply.challenges())
                    .isEqualTo(400);
            return;
        }
        RawHttp.Reply right = RawHttp.get(running.port(), row.path(), token(row.expected()));
        assertThat(right.status())
                .as("status for %s with its profile's token", row.path())
                .isEqualTo(200);
        String other = row.expected().equals("default") ? "me" : "default";
        RawHttp.Reply wrong = RawHttp.get(running.port(), row.path(), token(other));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.challenges())
                .containsExactly("Bearer error=\"invalid_token\", error_description=\"AUDIENCE_NOT_ACCEPTED\"");
    }

    private String token(String profile) {
        return Tokens.accessToken("http://127.0.0.1:" + server.port() + "/local", AUDIENCE.get(profile), Instant.now())
                .signedWith(key);
    }
}
