package dev.keyfence.examples.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stand-in for an adapter that has not landed yet: {@code GET /api/me} on a JDK HttpServer,
 * answering as CONTRACT section 4 says (200 with sub/issuer/tenant/keyScope, or 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="REASON"}), by calling
 * the core {@link TokenValidator} directly.
 */
public final class CoreValidatorServer implements ProtectedServer {

    private final Column column;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TokenValidator validator;

    private CoreValidatorServer(Column column, HttpServer server, ExecutorService executor, TokenValidator validator) {
        this.column = column;
        this.server = server;
        this.executor = executor;
        this.validator = validator;
    }

    /**
     * Starts the endpoint on an ephemeral port of 127.0.0.1.
     *
     * @param column    what this server stands for in the table
     * @param validator the validator guarding the endpoint
     * @return the running server
     */
    public static CoreValidatorServer start(Column column, TokenValidator validator) {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "core-validator-server");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            http.setExecutor(executor);
            CoreValidatorServer server = new CoreValidatorServer(column, http, executor, validator);
            http.createContext("/api/me", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the endpoint for " + column.name(), e);
        }
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public URI apiMe() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/me");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !"/api/me".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "{\"error\":\"not_found\"}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, 401, "");
                return;
            }
            Verdict verdict = validator.validate(authorization.substring(7).trim());
            if (verdict instanceof Verdict.Accepted accepted) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("sub", accepted.token().subject().orElse(null));
                body.put("issuer", accepted.token().issuer());
                body.put("tenant", accepted.token().tenant().orElse(null));
                body.put("keyScope", accepted.token().keyScope());
                send(exchange, 200, Json.write(body));
            } else if (verdict instanceof Verdict.Rejected rejected) {
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Bearer error=\"invalid_token\", error_description=\"" + rejected.reason() + "\"");
                send(exchange, 401, "");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
