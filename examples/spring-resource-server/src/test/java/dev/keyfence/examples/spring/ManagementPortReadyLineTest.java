package dev.keyfence.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With Actuator added and {@code management.server.port} set (a second embedded server), the
 * example still prints exactly one {@code listening on PORT} line, with the application's port
 * (CONTRACT section 4).
 */
class ManagementPortReadyLineTest {
    @Test
    void printsOneReadyLineForTheApplicationPortOnly(@TempDir Path dir) throws Exception {
        try (JwksServer keys = JwksServer.start()) {
            keys.serveKeys("/keys", JwkSet.of(TestKey.rsa("k")));
            Path yaml = dir.resolve("keyfence.yaml");
            Files.writeString(yaml, """
                    issuers:
                      - name: idp
                        issuer: "%1$s/idp"
                        jwks-uri: "%1$s/keys"
                        key-scope: enterprise
                    resource:
                      audiences: ["api://mail"]
                      accepted-key-scopes: [enterprise]
                    jwks:
                      allow-http-loopback: true
                    """.formatted("http://127.0.0.1:" + keys.port()));
            System.setProperty("keyfence.config", yaml.toString());
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ConfigurableApplicationContext app;
            try {
                app = SpringApplication.run(
                        SpringResourceServer.class, "--server.port=0", "--management.server.port=0");
            } finally {
                System.setOut(original);
                System.clearProperty("keyfence.config");
            }
            try (app) {
                String port = app.getEnvironment().getProperty("local.server.port");
                String management = app.getEnvironment().getProperty("local.management.port");
                assertThat(management)
                        .as("a separate management server runs")
                        .isNotNull()
                        .isNotEqualTo(port);
                assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("listening on ")))
                        .containsExactly("listening on " + port);
            }
        }
    }
}
