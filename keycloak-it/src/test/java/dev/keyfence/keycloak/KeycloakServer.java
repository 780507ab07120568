package dev.keyfence.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak, run from the {@code keycloak-quarkus-dist} zip that Maven unpacks under
 * {@code target/keycloak/}, started at most once per JVM in dev mode with an in-memory H2 database.
 *
 * <p>Use {@link #shared()} (or the {@link KeycloakTest} extension, which adds the skip/fail switch).
 * The server stops when JUnit closes its root store at the end of the run, or at JVM exit at the
 * latest; the whole process tree is killed by pid.
 *
 * <p>Configuration, all optional (system property, else environment variable):
 * <ul>
 *   <li>{@code keycloak.it.home}: the unpacked distribution (set by the POM);
 *   <li>{@code keycloak.it.log}: the server's stdout/stderr (default {@code target/keycloak.log});
 *   <li>{@code KEYCLOAK_JAVA_HOME}: the JDK that runs Keycloak (needs 21+); otherwise the running
 *       JVM if it is 21+, otherwise {@value #FALLBACK_JAVA_HOME};
 *   <li>{@code KC_BOOTSTRAP_ADMIN_USERNAME} / {@code KC_BOOTSTRAP_ADMIN_PASSWORD}: the master-realm
 *       admin (default {@code keyfence-admin} and a random password);
 *   <li>{@code keycloak.it.startTimeout}: seconds to wait for readiness (default 300; seen on 2 shared cores:
 *       27 s idle, 115 s at load average 10, over 180 s at load average 22).
 * </ul>
 */
public final class KeycloakServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);

    /** The Keycloak version the POM unpacks; keep in step with {@code keycloak.version}. */
    public static final String DEFAULT_VERSION = "26.7.3";

    static final String FALLBACK_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

    private static final Object LOCK = new Object();
    private static KeycloakServer shared;
    private static KeycloakUnavailableException sharedFailure;

    private final Process process;
    private final URI baseUri;
    private final URI managementUri;
    private final String adminUsername;
    private final String adminPassword;
    private final Duration startupTime;
    private final Path logFile;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final KeycloakAdmin admin;

    private KeycloakServer(
            Process process,
            URI baseUri,
            URI managementUri,
            String adminUsername,
            String adminPassword,
            Duration startupTime,
            Path logFile) {
        this.process = process;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.startupTime = startupTime;
        this.logFile = logFile;
        this.admin = new KeycloakAdmin(baseUri, adminUsername, adminPassword);
    }

    /**
     * Returns the one Keycloak of this JVM, starting it on first use (about 30 to 50 s).
     * A failed start is remembered: later calls fail at once with the same cause.
     *
     * @throws KeycloakUnavailableException if the distribution is missing, no suitable JDK exists,
     *         or the server did not become ready in time
     */
    public static KeycloakServer shared() {
        synchronized (LOCK) {
            if (shared != null) {
                return shared;
            }
            if (sharedFailure != null) {
                throw new KeycloakUnavailableException(sharedFailure.getMessage(), sharedFailure);
            }
            try {
                KeycloakServer server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-shutdown"));
                shared = server;
                return server;
            } catch (KeycloakUnavailableException e) {
                sharedFailure = e;
                throw e;
            }
        }
    }

    /** Base URI without trailing slash, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Management interface (health endpoints), e.g. {@code http://127.0.0.1:40124}. */
    public URI managementUri() {
        return managementUri;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Admin REST client for this server, logged in as the bootstrap admin. */
    public KeycloakAdmin admin() {
        return admin;
    }

    /** Time from process launch until the readiness check passed. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        return !closed.get() && process.isAlive();
    }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
        stop();
    }

    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (LOCK) {
            if (shared == this) {
                shared = null;
            }
        }
        killTree(process.toHandle(), Duration.ofSeconds(20));
    }

    // ---------------------------------------------------------------- start

    private static KeycloakServer start() {
        Path home = Path.of(setting(
                        "keycloak.it.home", "KEYCLOAK_TESTS_HOME", "target/keycloak/keycloak-" + DEFAULT_VERSION))
                .toAbsolutePath()
                .normalize();
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        Path script = home.resolve(windows ? "bin/kc.bat" : "bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new KeycloakUnavailableException("Keycloak distribution not found at " + home
                    + " (run ./mvnw -pl keycloak-it generate-test-resources to unpack it)");
        }
        Path javaHome = javaHome();
        Path logFile = Path.of(setting("keycloak.it.log", "KEYCLOAK_TESTS_LOG", "target/keycloak.log"))
                .toAbsolutePath()
                .normalize();
        Duration timeout = Duration.ofSeconds(
                Long.parseLong(setting("keycloak.it.startTimeout", "KEYCLOAK_TESTS_START_TIMEOUT", "300")));

        String username = envOr("KC_BOOTSTRAP_ADMIN_USERNAME", "keyfence-admin");
        String password = envOr("KC_BOOTSTRAP_ADMIN_PASSWORD", randomPassword());
        int httpPort = freePort();
        int managementPort = freePort();

        List<String> command = new ArrayList<>();
        if (windows) {
            command.addAll(List.of("cmd.exe", "/c", script.toString()));
        } else {
            command.addAll(List.of("/bin/sh", script.toString()));
        }
        command.addAll(List.of(
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--db=dev-mem",
                // what a token-issuing test needs: admin REST API, client credentials, keys
                "--features-disabled=" + String.join(",", DISABLED_FEATURES)));

        ProcessBuilder builder =
                new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", username);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
        // C1 only: a test server lives minutes, and C2 compiler threads compete with the start-up for
        // the few cores a CI runner has. Left alone if the caller set JAVA_OPTS_APPEND.
        env.putIfAbsent("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KeycloakUnavailableException("cannot launch " + script + ": " + e.getMessage(), e);
        }
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        URI management = URI.create("http://127.0.0.1:" + managementPort);
        boolean ready = false;
        try {
            awaitReady(process, base, management, timeout, logFile);
            ready = true;
        } finally {
            if (!ready) {
                killTree(process.toHandle(), Duration.ofSeconds(10));
            }
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Keycloak {} ready at {} in {} ms (JDK {}, log {})",
                DEFAULT_VERSION,
                base,
                startup.toMillis(),
                javaHome,
                logFile);
        return new KeycloakServer(process, base, management, username, password, startup, logFile);
    }

    /**
     * Features a token-validation test never needs (account console, other grants and flows).
     * Not every feature can go: disabling {@code authorization} is refused (admin-fine-grained-authz
     * depends on it), and without {@code admin} (the admin console theme) every admin API
     * validation error turns into an HTTP 500 (NPE looking up the ADMIN theme's messages).
     */
    private static final List<String> DISABLED_FEATURES = List.of(
            "account", "ciba", "device-flow", "impersonation", "kerberos", "par", "organization", "opentelemetry");

    private static void awaitReady(Process process, URI base, URI management, Duration timeout, Path logFile) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new KeycloakUnavailableException("Keycloak exited with code " + process.exitValue()
                        + " during start-up; see " + logFile + ":\n" + tail(logFile, 25));
            }
            if (status(http, management.resolve("/health/ready")) == 200
                    && status(http, base.resolve("/realms/master")) == 200) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakUnavailableException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new KeycloakUnavailableException(
                "Keycloak not ready after " + timeout.toSeconds() + " s; see " + logFile + ":\n" + tail(logFile, 25));
    }

    private static int status(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static Path javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        Path home;
        if (configured != null && !configured.isBlank()) {
            home = Path.of(configured);
        } else if (Runtime.version().feature() >= 21) {
            home = Path.of(System.getProperty("java.home"));
        } else {
            home = Path.of(FALLBACK_JAVA_HOME);
        }
        if (!Files.isRegularFile(home.resolve("bin/java")) && !Files.isRegularFile(home.resolve("bin/java.exe"))) {
            throw new KeycloakUnavailableException(
                    "no JDK 21+ for Keycloak at " + home + " (set KEYCLOAK_JAVA_HOME to a JDK 21 or newer)");
        }
        return home;
    }

    /** Kills a process and all its descendants: SIGTERM first, SIGKILL after {@code grace}. */
    static void killTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (TimeoutException | ExecutionException e) { // fall through to SIGKILL
                break;
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String setting(String property, String envVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(envVariable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
