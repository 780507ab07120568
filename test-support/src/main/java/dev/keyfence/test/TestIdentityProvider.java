package dev.keyfence.test;

import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An in-process identity provider for tests of a Keyfence-protected application: an Entra-like
 * enterprise issuer ({@code http://127.0.0.1:PORT/{tenantid}/v2.0}, any tenant) and a consumer
 * issuer, their keys served over real HTTP on 127.0.0.1, and real signed tokens from any of the
 * keys in {@link SigningKey}. Thread-safe; close it after the tests.
 *
 * <pre>{@code
 * try (TestIdentityProvider idp = TestIdentityProvider.start()) {
 *     Map<String, String> settings = idp.properties();        // keyfence.* for Spring
 *     String token = idp.token().tenant("tid-a").scope("Mail.Read").mint();
 *     String forged = idp.token().signedWith(SigningKey.CONSUMER).mint();
 * }
 * }</pre>
 */
public final class TestIdentityProvider implements AutoCloseable {
    /** The consumer tenant of Microsoft's consumer accounts, used here for the consumer issuer. */
    public static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    /** The audience of minted tokens and of {@link #properties()} unless told otherwise. */
    public static final String DEFAULT_AUDIENCE = "api://test";
    /** The tenant of minted enterprise tokens unless told otherwise. */
    public static final String DEFAULT_TENANT = "tid-a";

    private static final String ENTERPRISE_KEYS = "/common/keys";
    private static final String CONSUMER_KEYS = "/consumers/keys";

    private final JwksServer server;
    private final Clock clock;
    private final Map<SigningKey, TestKey> keys = new EnumMap<>(SigningKey.class);
    private final Map<SigningKey, JwkBuilder> jwks = new EnumMap<>(SigningKey.class);
    private boolean retired;

    private TestIdentityProvider(JwksServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(1));
        Instant until = now.plus(Duration.ofDays(3650));
        for (SigningKey k : SigningKey.values()) {
            keys.put(k, TestKey.rsa("test-" + k.name().toLowerCase(java.util.Locale.ROOT)));
        }
        jwks.put(SigningKey.ENTERPRISE, key(SigningKey.ENTERPRISE).jwk().certificate(from, until));
        jwks.put(
                SigningKey.EXPIRED,
                key(SigningKey.EXPIRED)
                        .jwk()
                        .certificate(Instant.parse("2016-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z")));
        jwks.put(SigningKey.CONSUMER, key(SigningKey.CONSUMER).jwk().certificate(from, until));
        jwks.put(SigningKey.RETIRED, key(SigningKey.RETIRED).jwk().certificate(from, until));
        publish();
        server.serveKeys(CONSUMER_KEYS, JwkSet.of(jwks.get(SigningKey.CONSUMER)));
    }

    /** An identity provider on a new server on 127.0.0.1, minting tokens at the system clock's time. */
    public static TestIdentityProvider start() {
        return start(Clock.systemUTC());
    }

    /** An identity provider minting tokens (and dating its certificates) at {@code clock}'s time. */
    public static TestIdentityProvider start(Clock clock) {
        return new TestIdentityProvider(JwksServer.start(), Objects.requireNonNull(clock, "clock"));
    }

    /** The enterprise issuer template, {@code http://127.0.0.1:PORT/{tenantid}/v2.0}. */
    public String enterpriseIssuer() {
        return server.uri("/").toString() + "{tenantid}/v2.0";
    }

    /** The {@code iss} of an enterprise tenant. */
    public String issuer(String tenant) {
        return server.uri("/" + Objects.requireNonNull(tenant, "tenant") + "/v2.0")
                .toString();
    }

    /** The {@code iss} of the consumer issuer. */
    public String consumerIssuer() {
        return issuer(CONSUMER_TENANT);
    }

    /** Where the enterprise key set (enterprise keys and, as in 2023, a consumer key) is served. */
    public URI enterpriseKeys() {
        return server.uri(ENTERPRISE_KEYS);
    }

    /** Where the consumer key set is served. */
    public URI consumerKeys() {
        return server.uri(CONSUMER_KEYS);
    }

    /** The clock minted tokens are dated by. */
    public Clock clock() {
        return clock;
    }

    /** A new enterprise token for {@link #DEFAULT_TENANT} and {@link #DEFAULT_AUDIENCE}, signed by the enterprise key. */
    public TestToken token() {
        return new TestToken(this);
    }

    /** Unpublishes the {@link SigningKey#RETIRED} key from the enterprise key set. */
    public synchronized void retire() {
        retired = true;
        publish();
    }

    /**
     * The {@code keyfence.*} Spring properties that trust this identity provider: the enterprise
     * issuer (any tenant) and the consumer issuer, resource audience {@link #DEFAULT_AUDIENCE},
     * accepted key scope {@code enterprise}, plain http allowed to loopback only.
     */
    public Map<String, String> properties() {
        return properties(DEFAULT_AUDIENCE);
    }

    /** As {@link #properties()}, with the resource's audience. */
    public Map<String, String> properties(String audience) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("keyfence.issuers[0].name", "enterprise");
        p.put("keyfence.issuers[0].issuer", enterpriseIssuer());
        p.put("keyfence.issuers[0].jwks-uri", enterpriseKeys().toString());
        p.put("keyfence.issuers[0].key-scope", "enterprise");
        p.put("keyfence.issuers[0].tenants", "*");
        p.put("keyfence.issuers[1].name", "consumer");
        p.put("keyfence.issuers[1].issuer", consumerIssuer());
        p.put("keyfence.issuers[1].jwks-uri", consumerKeys().toString());
        p.put("keyfence.issuers[1].key-scope", "consumer");
        p.put("keyfence.resource.audiences", Objects.requireNonNull(audience, "audience"));
        p.put("keyfence.resource.accepted-key-scopes", "enterprise");
        p.put("keyfence.jwks.allow-http-loopback", "true");
        return p;
    }

    /** The same policy as {@link #properties(String)}, as the YAML file of the Keyfence configuration. */
    public String yaml(String audience) {
        return "issuers:\n"
                + "  - name: enterprise\n"
                + "    issuer: \"" + enterpriseIssuer() + "\"\n"
                + "    jwks-uri: \"" + enterpriseKeys() + "\"\n"
                + "    key-scope: enterprise\n"
                + "    tenants: [\"*\"]\n"
                + "  - name: consumer\n"
                + "    issuer: \"" + consumerIssuer() + "\"\n"
                + "    jwks-uri: \"" + consumerKeys() + "\"\n"
                + "    key-scope: consumer\n"
                + "resource:\n"
                + "  audiences: [\"" + audience + "\"]\n"
                + "  accepted-key-scopes: [enterprise]\n"
                + "jwks:\n"
                + "  allow-http-loopback: true\n";
    }

    /** The server, for failure injection ({@code respond}, {@code delay}) and hit counts. */
    public JwksServer server() {
        return server;
    }

    TestKey key(SigningKey which) {
        return Objects.requireNonNull(keys.get(which), "every signing key is made at start");
    }

    private synchronized void publish() {
        java.util.List<JwkBuilder> published = new java.util.ArrayList<>();
        published.add(jwks.get(SigningKey.ENTERPRISE));
        published.add(jwks.get(SigningKey.EXPIRED));
        published.add(jwks.get(SigningKey.CONSUMER));
        if (!retired) {
            published.add(jwks.get(SigningKey.RETIRED));
        }
        server.serveKeys(ENTERPRISE_KEYS, JwkSet.of(published.toArray(new JwkBuilder[0])));
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TestIdentityProvider[" + server.uri("/") + "]";
    }
}
