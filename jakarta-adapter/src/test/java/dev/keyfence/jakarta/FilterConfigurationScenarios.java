package dev.keyfence.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.TokenValidator;
import dev.keyfence.jakarta.support.Deployment;
import dev.keyfence.jakarta.support.Http;
import dev.keyfence.jakarta.support.Http.Reply;
import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the filter is configured, on a real container: the YAML file from an init parameter or the
 * system property, profiles by name or by path, one validator per file, options, and startup
 * failures that name the bad setting. Keys are served over real HTTP; time is the system clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterConfigurationScenarios {
    private static final String MAIL = "api://mail";
    private static final String ADMIN = "api://admin";

    private Path dir;
    private JwksServer server;
    private final TestKey key = TestKey.rsa("local-1");
    private Path config;

    abstract ServletContainer container();

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        server = JwksServer.start();
        server.serveKeys("/local/keys", JwkSet.of(key));
        config = write("keyfence.yaml", yaml("PT60S"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String yaml(String clockSkew) {
        return yaml(clockSkew, "/admin/**");
    }

    private String yaml(String clockSkew, String adminPaths) {
        return """
                issuers:
                  - name: local
                    issuer: "%1$s/local"
                    jwks-uri: "%1$s/local/keys"
                    key-scope: enterprise
                resource:
                  audiences: ["%2$s"]
                  accepted-key-scopes: [enterprise]
                  clock-skew: %4$s
                resources:
                  admin:
                    paths: ["%5$s"]
                    audiences: ["%3$s"]
                jwks:
                  allow-http-loopback: true
                """.formatted("http://127.0.0.1:" + server.port(), MAIL, ADMIN, clockSkew, adminPaths);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String token(String audience) {
        return Tokens.accessToken("http://127.0.0.1:" + server.port() + "/local", audience, Instant.now())
                .signedWith(key);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertRejected(Reply reply, String reason) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
    }

    @Test
    void readsConfigFileFromInitParameterAndProtectsProfilePathsByThemselves() {
        Deployment app = Deployment.create()
                .filter("keyfence", KeyfenceFilter.class, params(KeyfenceFilter.CONFIG, config.toString()), "/*");
        try (ServletContainer.Running running = container().start(app)) {
            assertThat(Http.bearer(running.port(), "/api/me", token(MAIL)).status())
                    .isEqualTo(200);
            assertRejected(Http.bearer(running.port(), "/admin/users", token(MAIL)), "AUDIENCE_NOT_ACCEPTED");
            assertRejected(Http.bearer(running.port(), "/admin", token(MAIL)), "AUDIENCE_NOT_ACCEPTED");
            assertThat(Http.bearer(running.port(), "/admin/users", token(ADMIN)).status())
                    .isEqualTo(200);
            assertRejected(Http.bearer(running.port(), "/api/me", token(ADMIN)), "AUDIENCE_NOT_ACCEPTED");
        }
    }

    @Test
    void readsConfigFileFromSystemProperty() {
        Deployment app = Deployment.create().filter("keyfence", KeyfenceFilter.class, Map.of(), "/api/*");
        System.setProperty(KeyfenceFilter.CONFIG, config.toString());
        try (ServletContainer.Running running = container().start(app)) {
            assertThat(Http.bearer(running.port(), "/api/me", token(MAIL)).status())
                    .isEqualTo(200);
            assertRejected(Http.bearer(running.port(), "/api/me", token(ADMIN)), "AUDIENCE_NOT_ACCEPTED");
        } finally {
            System.clearProperty(KeyfenceFilter.CONFIG);
        }
    }

    @Test
    void filtersReadingOneFileShareOneValidatorEachWithItsProfile() {
        Deployment app = Deployment.create()
                .filter("mail", KeyfenceFilter.class, params(KeyfenceFilter.CONFIG, config.toString()), "/api/*")
                .filter(
                        "admin",
                        KeyfenceFilter.class,
                        params(KeyfenceFilter.CONFIG, config.toString(), KeyfenceFilter.RESOURCE, "admin"),
                        "/console/*");
        server.resetHits();
        try (ServletContainer.Running running = container().start(app)) {
            assertThat(Http.bearer(running.port(), "/api/me", token(MAIL)).status())
                    .isEqualTo(200);
            assertThat(Http.bearer(running.port(), "/console/x", token(ADMIN)).status())
                    .isEqualTo(200);
            assertRejected(Http.bearer(running.port(), "/console/x", token(MAIL)), "AUDIENCE_NOT_ACCEPTED");
            assertThat(server.hits("/local/keys")).isEqualTo(1);
        }
    }

    @Test
    void putsConfiguredRealmInEveryChallenge() {
        Deployment app = Deployment.create()
                .filter(
                        "keyfence",
                        KeyfenceFilter.class,
                        params(KeyfenceFilter.CONFIG, config.toString(), KeyfenceFilter.REALM, "mail"),
                        "/api/*");
        try (ServletContainer.Running running = container().start(app)) {
            assertThat(Http.get(running.port(), "/api/me").challenge()).contains("Bearer realm=\"mail\"");
            assertThat(Http.bearer(running.port(), "/api/me", token(ADMIN)).challenge())
                    .contains(
                            "Bearer realm=\"mail\", error=\"invalid_token\", error_description=\"AUDIENCE_NOT_ACCEPTED\"");
        }
    }

    @Test
    void acceptsQueryTokenOnlyWhenEnabledAndStillRefusesTwoCredentials() {
        TokenValidator validator = TokenValidator.fromConfig(config);
        Deployment app = Deployment.create()
                .filter(
                        "keyfence",
                        new KeyfenceFilter(validator),
                        params(KeyfenceFilter.ALLOW_QUERY_TOKEN, "true"),
                        "/api/*");
        try (ServletContainer.Running running = container().start(app)) {
            String token = token(MAIL);
            Reply ok = Http.get(running.port(), "/api/me?x=1&access_token=" + token);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).contains("principalType=KeyfencePrincipal");
            assertThat(Http.get(running.port(), "/api/me?access_token=" + token, "Bearer " + token)
                            .challenge())
                    .contains(
                            "Bearer error=\"invalid_request\", error_description=\"more than one credential in the request\"");
            assertThat(Http.get(running.port(), "/api/me?access_token=" + token + "&access_token=" + token)
                            .status())
                    .isEqualTo(400);
        }
    }

    @Test
    void acceptsFormTokenOnlyWhenEnabledAndStillRefusesTwoCredentials() {
        Deployment app = Deployment.create()
                .filter(
                        "keyfence",
                        KeyfenceFilter.class,
                        params(KeyfenceFilter.CONFIG, config.toString(), KeyfenceFilter.ALLOW_FORM_TOKEN, "true"),
                        "/api/*");
        try (ServletContainer.Running running = container().start(app)) {
            String token = token(MAIL);
            assertThat(Http.postForm(running.port(), "/api/me", "a=b&access_token=" + token)
                            .status())
                    .isEqualTo(200);
            assertThat(Http.postForm(running.port(), "/api/me", "access_token=" + token, "Bearer " + token)
                            .status())
                    .isEqualTo(400);
            assertThat(Http.get(running.port(), "/api/me?access_token=" + token).status())
                    .isEqualTo(400);
        }
    }

    @Test
    void failsStartupNamingTheBadYamlSetting() throws IOException {
        Path bad = write("bad.yaml", yaml("PT10M"));
        String message = container()
                .startupFailure(Deployment.create()
                        .filter("keyfence", KeyfenceFilter.class, params(KeyfenceFilter.CONFIG, bad.toString()), "/*"));
        assertThat(message).startsWith("resource.clock-skew").contains(bad.toString());
    }

    @Test
    void programmaticFilterAppliesTheFilesPathProfiles() {
        Deployment app = Deployment.create()
                .filter("keyfence", new KeyfenceFilter(TokenValidator.fromConfig(config)), Map.of(), "/*");
        try (ServletContainer.Running running = container().start(app)) {
            assertThat(Http.bearer(running.port(), "/api/me", token(MAIL)).status())
                    .isEqualTo(200);
            assertRejected(Http.bearer(running.port(), "/admin/users", token(MAIL)), "AUDIENCE_NOT_ACCEPTED");
            assertThat(Http.bearer(running.port(), "/admin/users", token(ADMIN)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void failsStartupNamingTheBadPathPatternAndExplainingTheTwoForms() throws IOException {
        Path bad = write("bad-pattern.yaml", yaml("PT60S", "/admin/*"));
        String message = container()
                .startupFailure(Deployment.create()
                        .filter("keyfence", KeyfenceFilter.class, params(KeyfenceFilter.CONFIG, bad.toString()), "/*"));
        assertThat(message)
                .startsWith("resources.admin.paths[0]: \"/admin/*\"")
                .contains("write \"/admin/**\"", "\"/exact\" (that path only)", bad.toString());
    }

    @Test
    void failsStartupNamingUnknownResourceProfile() {
        String message = container()
                .startupFailure(Deployment.create()
                        .filter(
                                "keyfence",
                                KeyfenceFilter.class,
                                params(KeyfenceFilter.CONFIG, config.toString(), KeyfenceFilter.RESOURCE, "nope"),
                                "/*"));
        assertThat(message).startsWith("keyfence.resource").contains("nope", "[admin]");
    }

    @Test
    void failsStartupWithoutConfigFile() {
        String message = container()
                .startupFailure(Deployment.create().filter("keyfence", KeyfenceFilter.class, Map.of(), "/*"));
        assertThat(message).startsWith("keyfence.config: required");
    }

    @Test
    void failsStartupWhenConfigFileCannotBeRead() {
        String message = container()
                .startupFailure(Deployment.create()
                        .filter(
                                "keyfence",
                                KeyfenceFilter.class,
                                params(
                                        KeyfenceFilter.CONFIG,
                                        dir.resolve("missing.yaml").toString()),
                                "/*"));
        assertThat(message).startsWith("keyfence.config: cannot read");
    }

    @Test
    void failsStartupNamingBadOrUnknownInitParameter() {
        assertThat(container()
                        .startupFailure(Deployment.create()
                                .filter(
                                        "keyfence",
                                        KeyfenceFilter.class,
                                        params(
                                                KeyfenceFilter.CONFIG,
                                                config.toString(),
                                                KeyfenceFilter.ALLOW_QUERY_TOKEN,
                                                "yes"),
                                        "/*")))
                .startsWith("keyfence.allow-query-token: must be true or false");
        assertThat(container()
                        .startupFailure(Deployment.create()
                                .filter(
                                        "keyfence",
                                        KeyfenceFilter.class,
                                        params(KeyfenceFilter.CONFIG, config.toString(), "keyfence.realms", "mail"),
                                        "/*")))
                .startsWith("keyfence.realms: unknown init parameter");
    }

    @Test
    void failsStartupWhenProgrammaticFilterIsAlsoGivenProfileName() {
        Deployment app = Deployment.create()
                .filter(
                        "keyfence",
                        new KeyfenceFilter(TokenValidator.fromConfig(config)),
                        params(KeyfenceFilter.RESOURCE, "admin"),
                        "/*");
        assertThat(container().startupFailure(app)).startsWith("keyfence.resource: not allowed");
    }
}
