package dev.keyfence.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example applies the file's {@code resources:} path profiles to the request path (CONTRACT
 * section 4): a profile for {@code /api/me} accepting only enterprise keys refuses a consumer token
 * that the default resource accepts; a bad pattern stops startup naming it.
 */
class SpringResourceServerProfilesTest {
    private static final String ISSUERS = """
            issuers:
              - name: contoso
                issuer: "%1$s/{tenantid}/v2.0"
                jwks-uri: "%1$s/common/keys"
                key-scope: enterprise
                tenants: ["tid-a"]
              - name: consumer
                issuer: "%1$s/consumers/v2.0"
                jwks-uri: "%1$s/consumers/keys"
                key-scope: consumer
            resource:
              audiences: ["api://mail"]
              accepted-key-scopes: [enterprise, consumer]
            jwks:
              allow-http-loopback: true
            resources:
              me:
                paths: ["%2$s"]
                accepted-key-scopes: [enterprise]
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void profileForApiMeRefusesConsumerKey(@TempDir Path dir) throws Exception {
        TestKey enterprise = TestKey.rsa("ent-1");
        TestKey consumer = TestKey.rsa("msa-1");
        try (JwksServer keys = JwksServer.start()) {
            keys.serveKeys("/common/keys", JwkSet.of(enterprise));
            keys.serveKeys("/consumers/keys", JwkSet.of(consumer));
            String base = "http://127.0.0.1:" + keys.port();
            Path yaml = Files.writeString(dir.resolve("keyfence.yaml"), ISSUERS.formatted(base, "/api/me"));
            try (ConfigurableApplicationContext app = run(yaml)) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                String consumerToken = Tokens.accessToken(base + "/consumers/v2.0", "api://mail", Instant.now())
                        .signedWith(consumer);
                HttpResponse<String> refused = get(port, consumerToken);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().allValues("WWW-Authenticate"))
                        .containsExactly(
                                "Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
                String enterpriseToken = Tokens.accessToken(base + "/tid-a/v2.0", "api://mail", Instant.now())
                        .tenant("tid-a")
                        .signedWith(enterprise);
                assertThat(get(port, enterpriseToken).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void badPatternStopsStartupNamingIt(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("keyfence.yaml"), ISSUERS.formatted("http://127.0.0.1:9", "/api/*"));
        Throwable failure = catchThrowable(() -> run(yaml).close());
        assertThat(failure).isNotNull();
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        assertThat(messages)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("keyfence.config: file ")
                        .contains("resources.me.paths[0]: \"/api/*\"", "write \"/api/**\""));
    }

    private static ConfigurableApplicationContext run(Path yaml) {
        System.setProperty("keyfence.config", yaml.toString());
        try {
            return SpringApplication.run(SpringResourceServer.class, "--server.port=0");
        } finally {
            System.clearProperty("keyfence.config");
        }
    }

    private HttpResponse<String> get(int port, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
