package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drill --shadow-out} then {@code drill --shadow-in --target}: the example servers' built jars
 * (CONTRACT section 4) run on the shadow on 127.0.0.1, and every minted attack goes over real HTTP.
 */
class DrillTargetIT {
    @TempDir
    Path dir;

    @Test
    void servletExampleOnTheShadowAnswersEveryAttackWithTheShadowsReason() throws Exception {
        Path shadow = writeShadow();
        assertTargetMatches(shadow, launchServlet(shadow.resolve("shadow.yaml")));
    }

    @Test
    void springExampleOnTheShadowAnswersEveryAttackWithTheShadowsReason() throws Exception {
        Path shadow = writeShadow();
        assertTargetMatches(
                shadow,
                new ProcessBuilder(
                        java(),
                        "-Dkeyfence.config=" + shadow.resolve("shadow.yaml"),
                        "-jar",
                        jar("spring.example.jar"),
                        "--server.port=0"));
    }

    @Test
    void targetAcceptingConsumerKeysIsReportedByTheAttackItLetsThrough() throws Exception {
        Path shadow = writeShadow();
        Path weak = shadow.resolve("weak.yaml");
        String yaml = Files.readString(shadow.resolve("shadow.yaml"));
        String weakened = yaml.replace(
                "accepted-key-scopes:\n  - enterprise", "accepted-key-scopes:\n  - enterprise\n  - consumer");
        assertThat(weakened).isNotEqualTo(yaml);
        Files.writeString(weak, weakened);
        Process app = launchServlet(weak).start();
        try {
            int port = awaitPort(app);
            CliRun run = CliRun.run(
                    "drill",
                    "--config",
                    config().toString(),
                    "--shadow-in",
                    shadow.toString(),
                    "--target",
                    "http://127.0.0.1:" + port + "/api/me",
                    "--format",
                    "json");
            assertThat(run.status()).as(run.err()).isEqualTo(1);
            List<Map<String, Object>> lines = run.lines();
            List<Object> mismatched = lines.stream()
                    .filter(l -> Boolean.FALSE.equals(target(l).get("matched")))
                    .map(l -> l.get("attack"))
                    .toList();
            assertThat(mismatched).containsExactly("consumer-token");
            Map<String, Object> line = lines.stream()
                    .filter(l -> "consumer-token".equals(l.get("attack")))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.get("reason")).isEqualTo("KEY_SCOPE_NOT_ACCEPTED");
            assertThat(((Number) target(line).get("status")).intValue()).isEqualTo(200);
            assertThat(line.get("passed")).isEqualTo(false);
            assertThat((String) line.get("finding"))
                    .startsWith("consumer token at default")
                    .contains("target answered 200");
            // the 2023 forgeries still meet their reason at the weakened target: the key's issuer member stops them
            assertThat(lines.stream()
                            .filter(l -> "consumer-key".equals(l.get("attack")))
                            .findFirst()
                            .orElseThrow())
                    .satisfies(l -> assertThat(target(l).get("reason")).isEqualTo("KEY_ISSUER_MISMATCH"));
        } finally {
            stop(app);
        }
    }

    private void assertTargetMatches(Path shadow, ProcessBuilder launch) throws Exception {
        Process app = launch.redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            int port = awaitPort(app);
            CliRun run = CliRun.run(
                    "drill",
                    "--config",
                    config().toString(),
                    "--shadow-in",
                    shadow.toString(),
                    "--target",
                    "http://127.0.0.1:" + port + "/api/me",
                    "--format",
                    "json");
            assertThat(run.status()).as(run.out() + run.err()).isZero();
            List<Map<String, Object>> lines = run.lines();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(18);
            for (Map<String, Object> l : lines) {
                Map<String, Object> t = target(l);
                if ("retired-key".equals(l.get("attack"))) {
                    assertThat(t.get("sent")).isEqualTo(false);
                    assertThat((String) t.get("note")).contains("key history the target cannot have");
                    continue;
                }
                assertThat(t.get("sent")).as("%s", l.get("attack")).isEqualTo(true);
                assertThat(((Number) t.get("status")).intValue())
                        .as("%s", l.get("attack"))
                        .isEqualTo(401);
                assertThat(t.get("reason")).as("%s", l.get("attack")).isEqualTo(l.get("reason"));
                assertThat(((Number) t.get("counterpartStatus")).intValue())
                        .as("%s", l.get("attack"))
                        .isEqualTo(200);
                assertThat(t.get("matched")).isEqualTo(true);
            }
        } finally {
            stop(app);
        }
    }

    private Path writeShadow() throws IOException {
        Path shadow = dir.resolve("shadow");
        CliRun out = CliRun.run("drill", "--config", config().toString(), "--shadow-out", shadow.toString());
        assertThat(out.status()).as(out.err()).isZero();
        String yaml = Files.readString(shadow.resolve("shadow.yaml"));
        assertThat(yaml)
                .doesNotContain("jwks-uri")
                .doesNotContain("login.microsoftonline.com/common")
                .contains("jwks-file: " + shadow.toAbsolutePath().resolve("shadow-source-0.json"));
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(shadow.resolve("shadow-private-keys.json"))))
                .isEqualTo("rw-------");
        assertThat(out.out()).doesNotContain("\"d\"");
        return shadow;
    }

    private Path config() throws IOException {
        Path config = dir.resolve("keyfence.yaml");
        if (!Files.exists(config)) {
            try (InputStream in =
                    Objects.requireNonNull(getClass().getResourceAsStream("/drill/example-keyfence.yaml"))) {
                Files.copy(in, config);
            }
        }
        return config;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> line) {
        return (Map<String, Object>) line.get("target");
    }

    private ProcessBuilder launchServlet(Path config) {
        return new ProcessBuilder(java(), "-Dkeyfence.config=" + config, "-Dport=0", "-jar", jar("servlet.example.jar"))
                .redirectError(dir.resolve("stderr.txt").toFile());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar(String property) {
        String jar = System.getProperty(property);
        assertThat(jar).as(property).isNotNull();
        assertThat(Path.of(jar)).exists();
        return jar;
    }

    /** The port of the first stdout line, which must be {@code listening on PORT}. */
    private int awaitPort(Process app) throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("(stdout unreadable)");
                    }
                },
                "target-stdout");
        reader.setDaemon(true);
        reader.start();
        Pattern listening = Pattern.compile("listening on (\\d+)");
        for (String line = lines.poll(120, TimeUnit.SECONDS); line != null; line = lines.poll(120, TimeUnit.SECONDS)) {
            Matcher m = listening.matcher(line);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no listening line; stderr: " + Files.readString(dir.resolve("stderr.txt")));
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(20, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }
}
