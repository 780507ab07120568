package dev.keyfence.jakarta.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Real HTTP requests to a started container. */
public final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What came back: status, the {@code WWW-Authenticate} header, the body. */
    public record Reply(int status, Optional<String> challenge, String body) {}

    private Http() {}

    /** GET with any number of {@code Authorization} headers, each sent as its own header line. */
    public static Reply get(int port, String pathAndQuery, String... authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(port, pathAndQuery)).GET();
        for (String a : authorization) {
            b.header("Authorization", a);
        }
        return send(b.build());
    }

    /** POST of a form-encoded body. */
    public static Reply postForm(int port, String path, String form, String... authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (String a : authorization) {
            b.header("Authorization", a);
        }
        return send(b.build());
    }

    /** Any request: method, path and query, every {@code Authorization} header, and a form body for a POST. */
    public static Reply send(
            int port, String method, String pathAndQuery, java.util.List<String> authorization, Optional<String> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(port, pathAndQuery));
        if (form.isPresent()) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form.get()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        authorization.forEach(a -> b.header("Authorization", a));
        return send(b.build());
    }

    /** GET with a bearer token. */
    public static Reply bearer(int port, String path, String token) {
        return get(port, path, "Bearer " + token);
    }

    private static URI uri(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("WWW-Authenticate"), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
