package dev.keyfence.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.PathRoute;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.PathTable;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared path table ({@link PathTable}) through the core router, {@link TokenValidator#forPath}:
 * each row gets exactly its profile (proven by a token of that profile's audience accepted and one
 * of another audience refused with AUDIENCE_NOT_ACCEPTED), or is refused.
 */
class PathTableTest {
    static final TestKey KEY = TestKey.rsa("local-1");
    static final String ISSUER = "https://login.example.test/local";
    static final Map<String, String> AUDIENCE =
            Map.of("me", "api://me", "admin", "api://admin", "default", "api://mail");
    static TokenValidator validator;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keys.json"), JwkSet.of(KEY).toJson());
        Path yaml = Files.writeString(
                dir.resolve("keyfence.yaml"), """
                issuers:
                  - name: local
                    issuer: "%s"
                    jwks-file: keys.json
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                resources:
                  me:
                    paths: ["%s"]
                    audiences: ["api://me"]
                  admin:
                    paths: ["%s"]
                    audiences: ["api://admin"]
                """.formatted(ISSUER, PathTable.ME_PATTERN, PathTable.ADMIN_PATTERN));
        validator = TokenValidator.fromConfig(yaml);
        assertThat(KeyfenceConfig.load(yaml).resources()).hasSize(2);
    }

    static Stream<PathTable.Row> rows() {
        return PathTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void routesEveryPathOfTheSharedTable(PathTable.Row row) {
        PathRoute route = validator.forPath(row.path());
        if (row.expected().equals(PathTable.REFUSED)) {
            assertThat(route).isInstanceOf(PathRoute.Refused.class);
            assertThat(((PathRoute.Refused) route).problem()).startsWith("ambiguous request path");
            return;
        }
        assertThat(route).isInstanceOf(PathRoute.Matched.class);
        PathRoute.Matched m = (PathRoute.Matched) route;
        assertThat(m.profile().orElse("default")).isEqualTo(row.expected());
        TokenValidator chosen = m.validator();
        assertThat(chosen.validate(token(AUDIENCE.get(row.expected()))).valid()).isTrue();
        String other = row.expected().equals("default") ? "me" : "default";
        Verdict wrong = chosen.validate(token(AUDIENCE.get(other)));
        assertThat(wrong).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) wrong).reason()).isEqualTo(Reason.AUDIENCE_NOT_ACCEPTED);
    }

    private static String token(String audience) {
        return Tokens.accessToken(ISSUER, audience, Instant.now()).signedWith(KEY);
    }
}
