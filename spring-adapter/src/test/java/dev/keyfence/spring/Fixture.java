package dev.keyfence.spring;

import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Entra-like world on 127.0.0.1: a common key set serving enterprise keys beside a consumer key
 * (the 2023 layout), a consumer key set, and a partner source that is down. Every resource accepts
 * the partner scope: a down source of a scope a resource refuses makes that resource fail closed
 * (KEYS_UNAVAILABLE, contract section 2), which is not what these tests are about.
 */
final class Fixture {
    static final String CONSUMER_TID = "9188040d-6c67-4c5b-b112-36a304b66dad";
    static final TestKey ENTERPRISE = TestKey.rsa("ent-1");
    static final TestKey SHARED_CONSUMER = TestKey.rsa("msa-shared");
    static final TestKey CONSUMER = TestKey.rsa("msa-1");
    static final TestKey EXPIRED_CONSUMER = TestKey.rsa("msa-2016");
    static final TestKey REVOKED = TestKey.rsa("ent-revoked");
    static final TestKey RETIRING = TestKey.rsa("ent-retiring");
    static final JwkBuilder EXPIRED_CONSUMER_JWK = EXPIRED_CONSUMER
            .jwk()
            .certificate(Instant.parse("2016-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"));

    final MutableClock clock = MutableClock.at("2024-10-15T12:00:00Z");
    final JwksServer server = JwksServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    Fixture() {
        server.serveKeys(
                "/common/keys", JwkSet.of(ENTERPRISE.jwk(), SHARED_CONSUMER.jwk(), REVOKED.jwk(), RETIRING.jwk()));
        server.serveKeys("/consumers/keys", JwkSet.of(SHARED_CONSUMER.jwk(), CONSUMER.jwk(), EXPIRED_CONSUMER_JWK));
        server.respond("/partner/keys", 500, "unavailable");
    }

    /** The {@code iss} of an enterprise tenant. */
    String tenantIssuer(String tid) {
        return server.uri("/" + tid + "/v2.0").toString();
    }

    /** The keyfence.* properties of this world. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("keyfence.issuers[0].name", "enterprise");
        p.put("keyfence.issuers[0].issuer", server.uri("/").toString() + "{tenantid}/v2.0");
        p.put("keyfence.issuers[0].jwks-uri", server.uri("/common/keys").toString());
        p.put("keyfence.issuers[0].key-scope", "enterprise");
        p.put("keyfence.issuers[0].tenants", "tid-a,tid-b");
        p.put("keyfence.issuers[1].name", "consumer");
        p.put("keyfence.issuers[1].issuer", tenantIssuer(CONSUMER_TID));
        p.put("keyfence.issuers[1].jwks-uri", server.uri("/consumers/keys").toString());
        p.put("keyfence.issuers[1].key-scope", "consumer");
        p.put("keyfence.issuers[2].name", "partner");
        p.put("keyfence.issuers[2].issuer", server.uri("/partner").toString());
        p.put("keyfence.issuers[2].jwks-uri", server.uri("/partner/keys").toString());
        p.put("keyfence.issuers[2].key-scope", "partner");
        p.put("keyfence.resource.audiences", "api://mail");
        p.put("keyfence.resource.accepted-key-scopes", "enterprise,partner");
        p.put("keyfence.resources.consumer.paths", "/consumer/**");
        p.put("keyfence.resources.consumer.accepted-key-scopes", "consumer,partner");
        p.put("keyfence.resources.calendar.paths", "/calendar/**");
        p.put("keyfence.resources.calendar.audiences", "api://calendar");
        p.put("keyfence.keys.revoked", "kid:ent-revoked");
        p.put("keyfence.jwks.allow-http-loopback", "true");
        return p;
    }

    /** An enterprise access token for tenant {@code tid}, unsigned yet. */
    TokenBuilder enterpriseToken(String tid, String audience) {
        return Tokens.accessToken(tenantIssuer(tid), audience, clock.instant()).tenant(tid);
    }

    /** A consumer access token, unsigned yet. */
    TokenBuilder consumerToken(String audience) {
        return Tokens.accessToken(tenantIssuer(CONSUMER_TID), audience, clock.instant())
                .tenant(CONSUMER_TID);
    }

    HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
