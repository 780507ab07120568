package dev.keyfence.internal.keys;

import dev.keyfence.ConfigurationException;
import dev.keyfence.internal.text.RedactedUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a document over HTTPS (or plain http to loopback when allowed) with a timeout, a size
 * cap and no redirects. The URL always comes from configuration, never from a token.
 *
 * <p>Redirects are never followed: a 3xx answer is a failed fetch, and when an adapter supplies
 * its own client that follows redirects, a response from any other URL than the one requested
 * is refused too. {@code jwks.timeout} bounds the connect (for the default client) and the whole
 * exchange, body included; {@code jwks.max-bytes} bounds the body, checked while it downloads.
 */
public final class HttpKeySetFetcher implements KeySetFetcher {
    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;
    private final int maxBytes;

    public HttpKeySetFetcher(HttpClient client, URI uri, Duration timeout, int maxBytes) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** A client that never follows redirects, with the connect timeout set. */
    public static HttpClient defaultClient(Duration timeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * Checks that a configured URL may be fetched: https anywhere, http only to a loopback
     * address and only when allowed.
     */
    public static URI checkedUri(String text, boolean allowHttpLoopback, String setting) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            // the reason and position only: the text may hold credentials
            throw new ConfigurationException(setting, "not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null) {
            throw new ConfigurationException(setting, "URL has no host");
        }
        if ("https".equals(scheme)) {
            return uri;
        }
        if (!"http".equals(scheme)) {
            throw new ConfigurationException(setting, "only https URLs are allowed");
        }
        if (!allowHttpLoopback) {
            throw new ConfigurationException(
                    setting,
                    "plain http is refused; use https (http to 127.0.0.1 or ::1 needs jwks.allow-http-loopback: true)");
        }
        if (!isLoopbackLiteral(uri.getHost())) {
            throw new ConfigurationException(setting, "plain http is allowed only to 127.0.0.0/8 or ::1");
        }
        return uri;
    }

    static boolean isLoopbackLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // names, even "localhost", could resolve elsewhere
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String fetch() throws KeySetException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, this::body);
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new KeySetException("GET " + RedactedUrl.of(uri) + " timed out after " + timeout + " (jwks.timeout)");
        } catch (ExecutionException e) {
            throw new KeySetException("GET " + RedactedUrl.of(uri) + " " + describe(e.getCause()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new KeySetException("GET " + RedactedUrl.of(uri) + " interrupted");
        }
        if (!uri.equals(response.uri())) {
            throw new KeySetException(
                    "GET " + RedactedUrl.of(uri) + " was redirected to another URL; redirects are not followed");
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new KeySetException("GET " + RedactedUrl.of(uri) + " answered HTTP " + status
                    + " (a redirect); redirects are not followed");
        }
        if (status != 200) {
            throw new KeySetException("GET " + RedactedUrl.of(uri) + " answered HTTP " + status);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return declared > maxBytes ? CappedBody.refused(maxBytes) : new CappedBody(maxBytes);
    }

    private String describe(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return java.util.Objects.requireNonNullElse(t.getMessage(), "body is too large (jwks.max-bytes)");
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out after " + timeout + " (jwks.timeout)";
            }
        }
        return "failed: " + (cause == null ? "unknown error" : cause.getClass().getSimpleName());
    }
}
