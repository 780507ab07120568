package dev.keyfence.internal.keys;

import dev.keyfence.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a document over HTTPS (or plain http to loopback when allowed) with a timeout, a size
 * cap and no redirects. The URL always comes from configuration, never from a token.
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
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting, "not a URL: " + e.getMessage());
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
            throw new ConfigurationException(setting,
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
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new KeySetException("GET " + uri + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeySetException("GET " + uri + " interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new KeySetException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new KeySetException("GET " + uri + " answered more than " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeySetException("GET " + uri + " failed while reading: " + e.getClass().getSimpleName());
        }
    }
}
