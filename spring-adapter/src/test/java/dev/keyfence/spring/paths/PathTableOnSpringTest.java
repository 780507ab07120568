package dev.keyfence.spring.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.PathTable;
import dev.keyfence.testkit.RawHttp;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared path table ({@link PathTable}) on a real Spring Boot server, sent byte for byte over a
 * socket: each row gets exactly its profile (a token of that profile's audience reaches the
 * controller, one of another audience gets 401 AUDIENCE_NOT_ACCEPTED), or 400 before any profile
 * is chosen (Spring Security's firewall or Keyfence).
 */
@SpringBootTest(classes = PathTableApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathTableOnSpringTest {
    private static final Map<String, String> AUDIENCE =
            Map.of("me", "api://me", "admin", "api://admin", "default", "api://mail");
    private static final TestKey KEY = TestKey.rsa("local-1");
    private static final JwksServer SERVER = JwksServer.start();

    static {
        SERVER.serveKeys("/local/keys", JwkSet.of(KEY));
    }

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry registry) {
        registry.add("keyfence.issuers[0].name", () -> "local");
        registry.add("keyfence.issuers[0].issuer", () -> SERVER.uri("/local").toString());
        registry.add(
                "keyfence.issuers[0].jwks-uri", () -> SERVER.uri("/local/keys").toString());
        registry.add("keyfence.issuers[0].key-scope", () -> "enterprise");
        registry.add("keyfence.resource.audiences", () -> "api://mail");
        registry.add("keyfence.resource.accepted-key-scopes", () -> "enterprise");
        registry.add("keyfence.resources.me.paths", () -> PathTable.ME_PATTERN);
        registry.add("keyfence.resources.me.audiences", () -> "api://me");
        registry.add("keyfence.resources.admin.paths", () -> PathTable.ADMIN_PATTERN);
        registry.add("keyfence.resources.admin.audiences", () -> "api://admin");
        registry.add("keyfence.jwks.allow-http-loopback", () -> "true");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @LocalServerPort
    int port;

    static Stream<PathTable.Row> rows() {
        return PathTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void routesEveryPathOfTheSharedTable(PathTable.Row row) {
        if (row.expected().equals(PathTable.REFUSED)) {
            RawHttp.Reply reply = RawHttp.get(port, row.path(), token("default"));
            assertThat(reply.status())
                    .as("status for %s (challenges %s)", row.path(), reply.challenges())
                    .isEqualTo(400);
            return;
        }
        RawHttp.Reply right = RawHttp.get(port, row.path(), token(row.expected()));
        assertThat(right.status())
                .as("status for %s with its profile's token", row.path())
                .isEqualTo(200);
        String other = row.expected().equals("default") ? "me" : "default";
        RawHttp.Reply wrong = RawHttp.get(port, row.path(), token(other));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.challenges())
                .containsExactly("Bearer error=\"invalid_token\", error_description=\"AUDIENCE_NOT_ACCEPTED\"");
    }

    private static String token(String profile) {
        return Tokens.accessToken(SERVER.uri("/local").toString(), AUDIENCE.get(profile), Instant.now())
                .signedWith(KEY);
    }
}
