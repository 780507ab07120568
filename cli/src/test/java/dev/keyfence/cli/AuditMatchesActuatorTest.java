package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.KeyfencePolicyCustomizer;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One posture, one JSON document: a real Spring Boot application on a random port and
 * {@code keyfence audit --format json}, reading the same policy file on the same instant, give the
 * same text byte for byte (the actuator endpoint {@code keyfence} serves the CLI's JSON).
 */
class AuditMatchesActuatorTest {
    static final Instant NOW = Instant.parse("2025-11-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void actuatorEndpointServesTheJsonThatAuditPrints() throws Exception {
        TestKey partner = TestKey.rsa("partner-1");
        try (JwksServer keys = JwksServer.start()) {
            keys.serveKeys("/partner/keys", JwkSet.of(partner));
            keys.respond("/down/keys", 500, "unavailable");
            Path config = config(keys);
            CliRun audit = CliRun.run(
                    "audit",
                    "--config",
                    config.toString(),
                    "--now",
                    NOW.toString(),
                    "--format",
                    "json",
                    "--fail-on",
                    "never");
            assertThat(audit.status()).as(audit.err()).isZero();

            String served;
            try (ConfigurableApplicationContext app = start(config)) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                // actuator paths need a token like every other path
                String token = Tokens.accessToken("http://127.0.0.1:" + keys.port() + "/partner", "api://mail", NOW)
                        .signedWith(partner);
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/keyfence"))
                                        .header("Authorization", "Bearer " + token)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
                served = r.body();
            }

            assertThat(served).isEqualTo(audit.out().strip());
            // the document is the whole posture, not an empty shell that trivially matches
            assertThat(served)
                    .contains(
                            "\"code\":\"KEY_SHARED_ACROSS_SCOPES\"",
                            "\"code\":\"ISSUER_UNREACHABLE\"",
                            "\"code\":\"INSECURE_KEY_TRANSPORT\"",
                            "\"kid\":\"partner-1\"",
                            "\"paths\":[\"/admin/**\"]",
                            "\"window\":{\"notBefore\":\"2024-09-11T13:47:50Z\"",
                            "\"at\":\"" + NOW + "\"");
        }
    }

    private Path config(JwksServer keys) throws IOException {
        try (InputStream entra = AuditMatchesActuatorTest.class.getResourceAsStream("/audit/entra-jwks.json")) {
            assertThat(entra).isNotNull();
            Files.copy(entra, dir.resolve("keys.json"));
        }
        return Files.writeString(dir.resolve("keyfence.yaml"), """
                issuers:
                  - name: entra
                    issuer: "https://login.microsoftonline.com/{tenantid}/v2.0"
                    jwks-file: "%1$s"
                    key-scope: enterprise
                    tenants: ["tid-a", "tid-b"]
                  - name: consumer
                    issuer: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
                    jwks-file: "%1$s"
                    key-scope: consumer
                  - name: partner
                    issuer: "%2$s/partner"
                    jwks-uri: "%2$s/partner/keys"
                    key-scope: partner
                  - name: down
                    issuer: "%2$s/down"
                    jwks-uri: "%2$s/down/keys"
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise, partner]
                resources:
                  admin:
                    paths: ["/admin/**"]
                    audiences: ["api://admin"]
                    accepted-key-scopes: [enterprise]
                    clock-skew: PT5M
                jwks:
                  allow-http-loopback: true
                  timeout: PT2S
                """.formatted(
                        dir.resolve("keys.json"), "http://127.0.0.1:" + keys.port()));
    }

    /** The application, reading the file through {@code keyfence.config}, on a clock fixed at {@link #NOW}. */
    private static ConfigurableApplicationContext start(Path config) {
        KeyfencePolicyCustomizer fixedClock = policy -> policy.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        System.setProperty("keyfence.config", config.toString());
        try {
            return new SpringApplicationBuilder(PostureApp.class)
                    .initializers(c -> c.getBeanFactory().registerSingleton("fixedClock", fixedClock))
                    .run(
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--management.endpoints.web.exposure.include=keyfence",
                            "--spring.main.banner-mode=off");
        } finally {
            System.clearProperty("keyfence.config");
        }
    }

    /** A web application with Keyfence and Actuator auto-configured; nothing else. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PostureApp {}
}
