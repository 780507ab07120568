package dev.keyfence.internal.keys;

import dev.keyfence.ConfigurationException;
import dev.keyfence.internal.json.Json;
import dev.keyfence.json.JsonException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Reads OpenID Connect discovery / RFC 8414 metadata, checks that its {@code issuer} equals the
 * configured issuer exactly and that its {@code jwks_uri} is https, then fetches that key set.
 */
public final class DiscoveryKeySetFetcher implements KeySetFetcher {
    private final HttpKeySetFetcher metadata;
    private final HttpClient client;
    private final String expectedIssuer;
    private final Duration timeout;
    private final int maxBytes;
    private final boolean allowHttpLoopback;

    public DiscoveryKeySetFetcher(
            HttpClient client,
            URI uri,
            String expectedIssuer,
            Duration timeout,
            int maxBytes,
            boolean allowHttpLoopback) {
        this.metadata = new HttpKeySetFetcher(client, uri, timeout, maxBytes);
        this.client = client;
        this.expectedIssuer = expectedIssuer;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowHttpLoopback = allowHttpLoopback;
    }

    @Override
    public String fetch() throws KeySetException {
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(metadata.fetch());
        } catch (JsonException e) {
            throw new KeySetException("discovery document is not a JSON object: " + e.getMessage());
        }
        if (!expectedIssuer.equals(doc.get("issuer"))) {
            throw new KeySetException(
                    "discovery document names issuer " + doc.get("issuer") + ", not the configured " + expectedIssuer);
        }
        if (!(doc.get("jwks_uri") instanceof String jwksUri)) {
            throw new KeySetException("discovery document has no jwks_uri");
        }
        URI keys;
        try {
            keys = HttpKeySetFetcher.checkedUri(jwksUri, allowHttpLoopback, "jwks_uri");
        } catch (ConfigurationException e) {
            throw new KeySetException("discovery document's " + e.getMessage());
        }
        return new HttpKeySetFetcher(client, keys, timeout, maxBytes).fetch();
    }
}
