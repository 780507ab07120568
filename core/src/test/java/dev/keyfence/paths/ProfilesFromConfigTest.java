package dev.keyfence.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.PathRoute;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TokenValidator#fromConfig} carries the file's {@code resources:} profiles: a consumer token
 * that the default resource accepts is refused with KEY_SCOPE_NOT_ACCEPTED on the path that a
 * profile declares enterprise-only (issue 14, finding 5).
 */
class ProfilesFromConfigTest {
    static final TestKey ENTERPRISE = TestKey.rsa("ent-1");
    static final TestKey CONSUMER = TestKey.rsa("msa-1");
    static final String ENTERPRISE_ISSUER = "https://login.example.test/tid-a/v2.0";
    static final String CONSUMER_ISSUER = "https://login.example.test/consumers/v2.0";
    static TokenValidator validator;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("enterprise.json"), JwkSet.of(ENTERPRISE).toJson());
        Files.writeString(dir.resolve("consumer.json"), JwkSet.of(CONSUMER).toJson());
        validator = TokenValidator.fromConfig(
                Files.writeString(dir.resolve("keyfence.yaml"), """
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
                    paths: ["/api/me"]
                    accepted-key-scopes: [enterprise]
                """.formatted(ENTERPRISE_ISSUER, CONSUMER_ISSUER)));
    }

    private static String consumerToken() {
        return Tokens.accessToken(CONSUMER_ISSUER, "api://mail", Instant.now()).signedWith(CONSUMER);
    }

    @Test
    void profileOfThePathRefusesConsumerKeyWithExactReason() {
        PathRoute route = validator.forPath("/api/me");
        assertThat(route).isInstanceOf(PathRoute.Matched.class);
        Verdict v = ((PathRoute.Matched) route).validator().validate(consumerToken());
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) v).reason()).isEqualTo(Reason.KEY_SCOPE_NOT_ACCEPTED);
        String enterprise = Tokens.accessToken(ENTERPRISE_ISSUER, "api://mail", Instant.now())
                .signedWith(ENTERPRISE);
        assertThat(((PathRoute.Matched) route).validator().validate(enterprise).valid())
                .isTrue();
    }

    @Test
    void defaultResourceDecidesOtherPathsAndValidateAlone() {
        PathRoute other = validator.forPath("/api/other");
        assertThat(((PathRoute.Matched) other).profile()).isEmpty();
        assertThat(((PathRoute.Matched) other)
                        .validator()
                        .validate(consumerToken())
                        .valid())
                .isTrue();
        assertThat(validator.validate(consumerToken()).valid()).isTrue();
        assertThat(validator.profiles()).extracting(p -> p.name()).containsExactly("me");
    }

    @Test
    void forResourceCarriesNoProfiles() {
        TokenValidator single = validator.forResource(validator.resource());
        assertThat(single.profiles()).isEmpty();
        assertThat(((PathRoute.Matched) single.forPath("/api/me")).profile()).isEmpty();
    }

    @Test
    void servletRequestIsRefusedWhenTheContainerRoutesAnotherPath() {
        assertThat(validator.forRequest("/app/api/me", "/app", "/api/me")).isInstanceOf(PathRoute.Matched.class);
        assertThat(validator.forRequest("/api/%6De", "", "/api/me")).isInstanceOf(PathRoute.Matched.class);
        assertThat(validator.forRequest("/api/me", "", "/api/other")).isInstanceOf(PathRoute.Refused.class);
        assertThat(validator.forRequest("/x/api/me", "/app", "/api/me")).isInstanceOf(PathRoute.Refused.class);
    }

    @Test
    void neverThrowsForAnyPath() {
        for (String path : new String[] {
            null, "", "api/me", "/".repeat(9000), "/a".repeat(5000), "/%", "/%F0%9F", "/\uD800", "/\u212Api/me"
        }) {
            assertThat(validator.forPath(path)).isNotNull();
        }
        assertThat(validator.forPath("/api/me/..")).isInstanceOf(PathRoute.Refused.class);
    }
}
