package dev.keyfence.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built jar as a process, the way CONTRACT section 4 says users and outside tests do,
 * with keys served over real HTTP on 127.0.0.1.
 */
class ServletResourceServerIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void servesApiMeBehindKeyfenceAndStopsOnSigterm(@TempDir Path dir) throws IOException, InterruptedException {
        TestKey enterprise = TestKey.rsa("ent-1");
        TestKey consumer = TestKey.rsa("msa-1");
        try (JwksServer server = JwksServer.start()) {
            String base = "http://127.0.0.1:" + server.port();
            server.serveKeys("/common/keys", JwkSet.of(enterprise, consumer));
            server.serveKeys("/consumers/keys", JwkSet.of(consumer));
            Path config = Files.writeString(dir.resolve("keyfence.yaml"), """
                    issuers:
                      - name: entra
                        issuer: "%1$s/{tenantid}/v2.0"
                        jwks-uri: "%1$s/common/keys"
                        key-scope: enterprise
                        tenants: ["tenant-a"]
                      - name: consumers
                        issuer: "%1$s/consumers/v2.0"
                        jwks-uri: "%1$s/consumers/keys"
                        key-scope: consumer
                    resource:
                      audiences: ["api://mail"]
                      accepted-key-scopes: [enterprise]
                    jwks:
                      allow-http-loopback: true
                    """.formatted(base));
            Process app = launch(dir, config).start();
            try {
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                Thread reader = new Thread(() -> readLines(app, lines), "app-stdout");
                reader.start();
                int port = awaitPort(lines, dir);

                String ok = Tokens.accessToken(base + "/tenant-a/v2.0", "api://mail", Instant.now())
                        .tenant("tenant-a")
                        .subject("alice")
                        .signedWith(enterprise);
                HttpResponse<String> accepted = get(port, "Bearer " + ok);
                assertThat(accepted.statusCode()).isEqualTo(200);
                assertThat(accepted.body())
                        .isEqualTo("{\"sub\":\"alice\",\"issuer\":\"" + base
                                + "/tenant-a/v2.0\",\"tenant\":\"tenant-a\",\"keyScope\":\"enterprise\"}");

                String forged = Tokens.accessToken(base + "/tenant-a/v2.0", "api://mail", Instant.now())
                        .tenant("tenant-a")
                        .signedWith(consumer);
                HttpResponse<String> rejected = get(port, "Bearer " + forged);
                assertThat(rejected.statusCode()).isEqualTo(401);
                assertThat(rejected.headers().firstValue("WWW-Authenticate"))
                        .contains("Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
                assertThat(rejected.body()).doesNotContain(forged.split("\\.")[1]);

                HttpResponse<String> missing = get(port, null);
                assertThat(missing.statusCode()).isEqualTo(401);
                assertThat(missing.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");

                app.destroy(); // SIGTERM
                assertThat(app.waitFor(20, TimeUnit.SECONDS))
                        .as("stopped after SIGTERM")
                        .isTrue();
                reader.join(TimeUnit.SECONDS.toMillis(5));
                assertThat(lines).as("stdout after the listening line").isEmpty();
            } finally {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void appliesThePathProfilesOfTheFileToTheRequestPath(@TempDir Path dir) throws IOException, InterruptedException {
        TestKey enterprise = TestKey.rsa("ent-1");
        TestKey consumer = TestKey.rsa("msa-1");
        try (JwksServer server = JwksServer.start()) {
            String base = "http://127.0.0.1:" + server.port();
            server.serveKeys("/common/keys", JwkSet.of(enterprise));
            server.serveKeys("/consumers/keys", JwkSet.of(consumer));
            Path config = Files.writeString(dir.resolve("keyfence.yaml"), """
                    issuers:
                      - name: entra
                        issuer: "%1$s/{tenantid}/v2.0"
                        jwks-uri: "%1$s/common/keys"
                        key-scope: enterprise
                        tenants: ["tenant-a"]
                      - name: consumers
                        issuer: "%1$s/consumers/v2.0"
                        jwks-uri: "%1$s/consumers/keys"
                        key-scope: consumer
                    resource:
                      audiences: ["api://mail"]
                      accepted-key-scopes: [enterprise, consumer]
                    resources:
                      me:
                        paths: ["/api/me"]
                        accepted-key-scopes: [enterprise]
                    jwks:
                      allow-http-loopback: true
                    """.formatted(base));
            Process app = launch(dir, config).start();
            try {
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                new Thread(() -> readLines(app, lines), "app-stdout").start();
                int port = awaitPort(lines, dir);

                String consumerToken = Tokens.accessToken(base + "/consumers/v2.0", "api://mail", Instant.now())
                        .signedWith(consumer);
                HttpResponse<String> refused = get(port, "/api/me", "Bearer " + consumerToken);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().allValues("WWW-Authenticate"))
                        .containsExactly(
                                "Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
                // the default resource accepts the same token: it passes the filter and finds no servlet
                assertThat(get(port, "/api/other", "Bearer " + consumerToken).statusCode())
                        .isEqualTo(404);

                String enterpriseToken = Tokens.accessToken(base + "/tenant-a/v2.0", "api://mail", Instant.now())
                        .tenant("tenant-a")
                        .signedWith(enterprise);
                assertThat(get(port, "/api/me", "Bearer " + enterpriseToken).statusCode())
                        .isEqualTo(200);
                assertThat(get(port, "/api/x/../me", "Bearer " + consumerToken).statusCode())
                        .isEqualTo(400);
            } finally {
                app.destroy();
                app.waitFor(20, TimeUnit.SECONDS);
                app.destroyForcibly();
            }
        }
    }

    @Test
    void refusesToStartWithABadPathPatternNamingIt(@TempDir Path dir) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("keyfence.yaml"), """
                issuers:
                  - name: local
                    issuer: "https://login.example.test/local"
                    jwks-uri: "https://login.example.test/local/keys"
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                resources:
                  admin:
                    paths: ["/api/admin/*"]
                """);
        Process app = launch(dir, config)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        try {
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("stdout.txt"))).isEmpty();
            assertThat(Files.readString(dir.resolve("stderr.txt")))
                    .contains("resources.admin.paths[0]: \"/api/admin/*\"", "write \"/api/admin/**\"");
        } finally {
            app.destroyForcibly();
        }
    }

    /** The built jar with this configuration on a free port, stderr to {@code dir/stderr.txt}. */
    private static ProcessBuilder launch(Path dir, Path config) {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dkeyfence.config=" + config,
                        "-Dport=0",
                        "-jar",
                        System.getProperty("app.jar"))
                .redirectError(dir.resolve("stderr.txt").toFile());
    }

    /** The port of the first stdout line, which must be {@code listening on PORT}. */
    private static int awaitPort(BlockingQueue<String> lines, Path dir) throws IOException, InterruptedException {
        String first = lines.poll(60, TimeUnit.SECONDS);
        assertThat(first)
                .as("stderr: %s", Files.readString(dir.resolve("stderr.txt")))
                .matches("listening on \\d+");
        Matcher m = Pattern.compile("listening on (\\d+)").matcher(first);
        assertThat(m.matches()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void readLines(Process app, BlockingQueue<String> lines) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout unreadable: " + e.getMessage() + ")");
        }
    }

    private static HttpResponse<String> get(int port, String authorization) throws IOException, InterruptedException {
        return get(port, "/api/me", authorization);
    }

    private static HttpResponse<String> get(int port, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
