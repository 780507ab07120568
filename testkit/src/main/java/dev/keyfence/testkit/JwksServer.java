package dev.keyfence.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) serving JWK sets, discovery documents and
 * failures, reconfigurable per path at run time from any thread.
 *
 * <pre>{@code
 * try (JwksServer server = JwksServer.start()) {
 *     server.serveKeys("/keys", JwkSet.of(key));
 *     URI jwks = server.uri("/keys");
 *     ...
 *     assertThat(server.hits("/keys")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Paths are matched exactly on the request path (query ignored); unknown paths answer 404.
 */
public final class JwksServer implements AutoCloseable {

    /** The longest delay {@link #delay(String, Duration)} accepts. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(JwksServer.class);
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentMap<String, Route> routes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Duration> delays = new ConcurrentHashMap<>();
    /** Held answers per path, released at once when the delay is cleared or the server closes. */
    private final ConcurrentMap<String, CountDownLatch> held = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    /** What one path answers. */
    private record Route(
            int status, @Nullable String contentType, String body, Map<String, String> headers, boolean reset) {}

    private JwksServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server on 127.0.0.1 with an ephemeral port and four handler threads.
     *
     * @return the running server
     */
    public static JwksServer start() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "jwks-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            http.setExecutor(executor);
            JwksServer jwks = new JwksServer(http, executor);
            http.createContext("/", jwks::handle);
            http.start();
            return jwks;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start JwksServer", e);
        }
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The absolute URI of a path on this server.
     *
     * @param path e.g. {@code /keys} (a missing leading slash is added)
     * @return {@code http://127.0.0.1:PORT/path}
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + normalize(path));
    }

    /**
     * Answers 200 with a JSON body.
     *
     * @param path the path
     * @param body the body
     * @return this server
     */
    public JwksServer serve(String path, String body) {
        return respond(path, 200, JSON, body);
    }

    /**
     * Answers 200 with a JWK set.
     *
     * @param path the path
     * @param set  the keys
     * @return this server
     */
    public JwksServer serveKeys(String path, JwkSet set) {
        return serve(path, set.toJson());
    }

    /**
     * Answers with a status and a JSON body (any status: 500, 429, 304, ...).
     *
     * @param path   the path
     * @param status HTTP status
     * @param body   the body, may be empty
     * @return this server
     */
    public JwksServer respond(String path, int status, String body) {
        return respond(path, status, JSON, body);
    }

    /**
     * Answers with a status, content type and body.
     *
     * @param path        the path
     * @param status      HTTP status
     * @param contentType Content-Type header value
     * @param body        the body, may be empty
     * @return this server
     */
    public JwksServer respond(String path, int status, String contentType, String body) {
        return respond(path, status, contentType, body, Map.of());
    }

    /**
     * Answers with a status, content type, body and extra response headers (e.g. Cache-Control).
     *
     * @param path        the path
     * @param status      HTTP status
     * @param contentType Content-Type header value
     * @param body        the body, may be empty
     * @param headers     extra headers
     * @return this server
     */
    public JwksServer respond(String path, int status, String contentType, String body, Map<String, String> headers) {
        Objects.requireNonNull(body, "body");
        routes.put(normalize(path), new Route(status, contentType, body, Map.copyOf(headers), false));
        return this;
    }

    /**
     * Answers with a redirect to {@code location} (absolute or relative), empty body.
     *
     * @param path     the path
     * @param location the Location header
     * @param status   301, 302, 303, 307 or 308
     * @return this server
     */
    public JwksServer redirect(String path, String location, int status) {
        routes.put(normalize(path), new Route(status, null, "", Map.of("Location", location), false));
        return this;
    }

    /**
     * Closes the connection without any response, so an HTTP client sees an {@link IOException}.
     *
     * @param path the path
     * @return this server
     */
    public JwksServer resetConnection(String path) {
        routes.put(normalize(path), new Route(0, null, "", Map.of(), true));
        return this;
    }

    /**
     * Serves an OpenID discovery document with {@code issuer} and {@code jwks_uri}.
     *
     * @param path    usually {@code /.well-known/openid-configuration} under the issuer path
     * @param issuer  the {@code issuer} member
     * @param jwksUri the {@code jwks_uri} member
     * @return this server
     */
    public JwksServer discovery(String path, String issuer, String jwksUri) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", jwksUri);
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return serve(path, Json.write(doc));
    }

    /**
     * Holds every answer on this path for {@code delay} (on the server thread, before
     * responding), simulating a slow server. {@link Duration#ZERO}, {@link #remove(String)} and
     * {@link #close()} release held answers at once.
     *
     * @param path  the path
     * @param delay how long to wait, at most {@link #MAX_DELAY}
     * @return this server
     */
    public JwksServer delay(String path, Duration delay) {
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and " + MAX_DELAY + ": " + delay);
        }
        if (delay.isZero()) {
            delays.remove(normalize(path));
            release(normalize(path));
        } else {
            delays.put(normalize(path), delay);
        }
        return this;
    }

    /**
     * Forgets a path's behaviour (it answers 404 again) and its delay.
     *
     * @param path the path
     * @return this server
     */
    public JwksServer remove(String path) {
        routes.remove(normalize(path));
        delays.remove(normalize(path));
        release(normalize(path));
        return this;
    }

    /**
     * Requests received for a path so far, whatever the answer (404s and resets included).
     *
     * @param path the path
     * @return the count
     */
    public int hits(String path) {
        AtomicInteger count = hits.get(normalize(path));
        return count == null ? 0 : count.get();
    }

    /** @return requests received for all paths so far */
    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Sets every path's request count back to zero. */
    public void resetHits() {
        hits.clear();
    }

    /** Stops the server at once, releasing held answers and interrupting handler threads. */
    @Override
    public void close() {
        held.keySet().forEach(this::release);
        server.stop(0);
        executor.shutdownNow();
    }

    private void release(String path) {
        CountDownLatch latch = held.remove(path);
        if (latch != null) {
            latch.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    CountDownLatch latch = held.computeIfAbsent(path, p -> new CountDownLatch(1));
                    boolean released = latch.await(delay.toNanos(), TimeUnit.NANOSECONDS);
                    LOG.debug("answer on {} {}", path, released ? "released early" : "sent after its delay");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Route route = routes.get(path);
            if (route == null) {
                send(exchange, new Route(404, JSON, "{\"error\":\"not_found\"}", Map.of(), false));
            } else if (route.reset()) {
                LOG.debug("resetting connection for {}", path);
                // closing before any response header is sent drops the TCP connection
            } else {
                send(exchange, route);
            }
        }
    }

    private static void send(HttpExchange exchange, Route route) throws IOException {
        if (route.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", route.contentType());
        }
        route.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = route.body().getBytes(StandardCharsets.UTF_8);
        boolean noBody = body.length == 0
                || "HEAD".equals(exchange.getRequestMethod())
                || route.status() == 204
                || route.status() == 304;
        exchange.sendResponseHeaders(route.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String normalize(String path) {
        Objects.requireNonNull(path, "path");
        return path.startsWith("/") ? path : "/" + path;
    }

    @Override
    public String toString() {
        return "JwksServer[" + uri("/") + "]";
    }
}
