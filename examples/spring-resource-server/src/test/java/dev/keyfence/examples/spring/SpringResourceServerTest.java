package dev.keyfence.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the example's main class as the contract runs it ({@code -Dkeyfence.config=FILE
 * --server.port=PORT}) and drives {@code GET /api/me} over real HTTP.
 */
class SpringResourceServerTest {
    static final TestKey ENTERPRISE = TestKey.rsa("ent-1");
    static final TestKey CONSUMER = TestKey.rsa("msa-1");
    static final String CONSUMER_TID = "9188040d-6c67-4c5b-b112-36a304b66dad";
    static JwksServer keys;
    static ConfigurableApplicationContext app;
    static String stdout;
    static int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = JwksServer.start();
        keys.serveKeys("/common/keys", JwkSet.of(ENTERPRISE, CONSUMER));
        keys.serveKeys("/consumers/keys", JwkSet.of(CONSUMER));
        Path yaml = dir.resolve("keyfence.yaml");
        Files.writeString(yaml, """
                issuers:
                  - name: contoso
                    issuer: "%1$s/{tenantid}/v2.0"
                    jwks-uri: "%1$s/common/keys"
                    key-scope: enterprise
                    tenants: ["tid-a"]
                  - name: consumer
                    issuer: "%1$s/%2$s/v2.0"
                    jwks-uri: "%1$s/consumers/keys"
                    key-scope: consumer
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                jwks:
                  allow-http-loopback: true
                """.formatted("http://127.0.0.1:" + keys.port(), CONSUMER_TID));
        System.setProperty("keyfence.config", yaml.toString());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            app = SpringApplication.run(SpringResourceServer.class, "--server.port=0");
        } finally {
            System.setOut(original);
            System.clearProperty("keyfence.config");
        }
        stdout = captured.toString(StandardCharsets.UTF_8);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (keys != null) {
            keys.close();
        }
    }

    @Test
    void printsOneReadyLineWithThePort() {
        assertThat(stdout.lines().filter(l -> l.startsWith("listening on "))).containsExactly("listening on " + port);
    }

    @Test
    void answersMeForAnEnterpriseToken() throws Exception {
        String token = Tokens.accessToken(issuer("tid-a"), "api://mail", Instant.now())
                .tenant("tid-a")
                .signedWith(ENTERPRISE);
        HttpResponse<String> r = get(token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo("{\"sub\":\"alice\",\"issuer\":\"" + issuer("tid-a")
                        + "\",\"tenant\":\"tid-a\",\"keyScope\":\"enterprise\"}");
    }

    @Test
    void rejectsConsumerKeyForEnterpriseTenantWithReasonCode() throws Exception {
        String forged = Tokens.accessToken(issuer("tid-a"), "api://mail", Instant.now())
                .tenant("tid-a")
                .signedWith(CONSUMER);
        HttpResponse<String> r = get(forged);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
    }

    @Test
    void answersBareBearerChallengeWithoutToken() throws Exception {
        HttpResponse<String> r = get(null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    private String issuer(String tid) {
        return "http://127.0.0.1:" + keys.port() + "/" + tid + "/v2.0";
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
