package dev.keyfence.examples.replay;

import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded identity provider of the replay, on 127.0.0.1: a multi-tenant enterprise issuer
 * ({@code http://127.0.0.1:PORT/{tenantid}/v2.0}, standing in for
 * {@code https://login.example.test/{tenantid}/v2.0}), a consumer issuer (the consumer tenant
 * {@value #CONSUMER_TENANT}), and, as in 2023, a common key endpoint that publishes enterprise and
 * consumer keys side by side. An attacker's web site serves the attacker's own key for the
 * {@code jku} row.
 */
public final class IncidentIdentityProvider implements AutoCloseable {

    /** The consumer tenant, as Microsoft's consumer accounts use it. */
    public static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    /** The victim: the enterprise tenant the mail API serves. */
    public static final String CONTOSO_TENANT = "5c1e7d2a-3f4b-4e8a-9d61-0b7c2f9e4a11";
    /** The attacker's own enterprise tenant, registered with the same identity provider. */
    public static final String ATTACKER_TENANT = "e0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b";
    /** The audience of the mail API. */
    public static final String AUDIENCE = "api://mail";

    static final String COMMON_KEYS = "/common/discovery/v2.0/keys";
    static final String CONSUMER_KEYS = "/consumers/discovery/v2.0/keys";
    static final String ATTACKER_KEYS = "/.well-known/keys.json";

    /** The consumer key whose certificate ran 2016-04-01 to 2021-04-01: the key of 2023. */
    public static final DemoKey CONSUMER_2016 = new DemoKey(
            "msa-2016",
            "consumer",
            Instant.parse("2016-04-01T00:00:00Z"),
            Instant.parse("2021-04-01T00:00:00Z"),
            "consumer key, expired 2021-04-01");
    /** The current consumer key. */
    public static final DemoKey CONSUMER_CURRENT = new DemoKey(
            "msa-2022",
            "consumer",
            Instant.parse("2022-01-10T00:00:00Z"),
            Instant.parse("2027-01-10T00:00:00Z"),
            "current consumer key");
    /** The current enterprise key. */
    public static final DemoKey ENTERPRISE_CURRENT = new DemoKey(
            "ent-2023",
            "enterprise",
            Instant.parse("2023-02-01T00:00:00Z"),
            Instant.parse("2028-02-01T00:00:00Z"),
            "current enterprise key");
    /** The enterprise key rotated out of the endpoint during the replay. */
    public static final DemoKey ENTERPRISE_ROTATED = new DemoKey(
            "ent-2020",
            "enterprise",
            Instant.parse("2020-09-01T00:00:00Z"),
            Instant.parse("2025-09-01T00:00:00Z"),
            "enterprise key, rotated out 2023-05-15");
    /** The enterprise key the operator revoked after it leaked (still published by the provider). */
    public static final DemoKey ENTERPRISE_REVOKED = new DemoKey(
            "ent-2021",
            "enterprise",
            Instant.parse("2021-06-01T00:00:00Z"),
            Instant.parse("2026-06-01T00:00:00Z"),
            "leaked enterprise key, revoked");
    /** The kid of the attacker's own key pair, published on the attacker's site. */
    public static final String ATTACKER_KID = "attacker-1";

    /** Every key the identity provider ever published, oldest window first. */
    public static final List<DemoKey> KEYS =
            List.of(CONSUMER_2016, ENTERPRISE_ROTATED, ENTERPRISE_REVOKED, CONSUMER_CURRENT, ENTERPRISE_CURRENT);

    /** The published JWKs, with their x5c certificates. */
    private record Jwks(
            JwkBuilder consumer2016,
            JwkBuilder consumerCurrent,
            JwkBuilder enterpriseCurrent,
            JwkBuilder enterpriseRotated,
            JwkBuilder enterpriseRevoked) {}

    private final JwksServer server;
    private final JwksServer attackerSite;
    private volatile Jwks jwks;
    private volatile boolean rotated;

    private IncidentIdentityProvider(JwksServer server, JwksServer attackerSite) {
        this.server = server;
        this.attackerSite = attackerSite;
    }

    /** @return the attacker's own key pair */
    public static TestKey attackerKey() {
        return TestKey.rsa(ATTACKER_KID);
    }

    /**
     * Starts the identity provider and the attacker site, each on its own ephemeral port, with
     * nothing published yet: their addresses are known at once, so the resource servers can
     * start while {@link #publishKeys()} generates the keys.
     *
     * @return the running, still empty, identity provider
     */
    public static IncidentIdentityProvider start() {
        JwksServer server = JwksServer.start();
        try {
            return new IncidentIdentityProvider(server, JwksServer.start());
        } catch (IllegalStateException | UncheckedIOException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Generates every key (in parallel: RSA key generation is the slow part) with its x5c
     * certificate, and publishes the common, consumer and attacker key sets. Call once, before
     * the first token is validated.
     */
    public void publishKeys() {
        Stream.concat(KEYS.stream().map(DemoKey::kid), Stream.of(ATTACKER_KID))
                .parallel()
                .forEach(TestKey::rsa);
        // Keys published before mid-2023 carried no `issuer` member; the current ones do.
        String enterpriseTemplate = enterpriseIssuerTemplate();
        jwks = new Jwks(
                certified(CONSUMER_2016),
                certified(CONSUMER_CURRENT).member("issuer", consumerIssuer()),
                certified(ENTERPRISE_CURRENT).member("issuer", enterpriseTemplate),
                certified(ENTERPRISE_ROTATED).member("issuer", enterpriseTemplate),
                certified(ENTERPRISE_REVOKED).member("issuer", enterpriseTemplate));
        publish();
        attackerSite.serveKeys(ATTACKER_KEYS, JwkSet.of(attackerKey()));
    }

    /** @return {@code http://127.0.0.1:PORT}, the login host */
    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** @return the enterprise issuer template, {@code http://127.0.0.1:PORT/{tenantid}/v2.0} */
    public String enterpriseIssuerTemplate() {
        return base() + "/{tenantid}/v2.0";
    }

    /**
     * @param tenant a tenant id
     * @return the enterprise issuer of that tenant
     */
    public String enterpriseIssuer(String tenant) {
        return base() + "/" + tenant + "/v2.0";
    }

    /** @return the consumer issuer */
    public String consumerIssuer() {
        return enterpriseIssuer(CONSUMER_TENANT);
    }

    /** @return the common key endpoint: enterprise and consumer keys side by side */
    public URI commonKeys() {
        return server.uri(COMMON_KEYS);
    }

    /** @return the consumer key endpoint */
    public URI consumerKeys() {
        return server.uri(CONSUMER_KEYS);
    }

    /** @return where the attacker publishes the attacker's key */
    public URI attackerKeys() {
        return attackerSite.uri(ATTACKER_KEYS);
    }

    /** Removes {@link #ENTERPRISE_ROTATED} from the common endpoint (routine key rotation). */
    public void rotateOut() {
        rotated = true;
        publish();
    }

    /**
     * A well-formed access token for an enterprise tenant (iss and tid of that tenant).
     *
     * @param tenant the tenant
     * @param now    issue instant; expires 10 minutes later
     * @return a builder ready to sign
     */
    public TokenBuilder enterpriseToken(String tenant, Instant now) {
        return Tokens.accessToken(enterpriseIssuer(tenant), AUDIENCE, now)
                .tenant(tenant)
                .claim("scp", "Mail.Read");
    }

    /**
     * A well-formed access token of the consumer issuer.
     *
     * @param now issue instant; expires 10 minutes later
     * @return a builder ready to sign
     */
    public TokenBuilder consumerToken(Instant now) {
        return Tokens.accessToken(consumerIssuer(), AUDIENCE, now)
                .tenant(CONSUMER_TENANT)
                .claim("scp", "Mail.Read");
    }

    @Override
    public void close() {
        attackerSite.close();
        server.close();
    }

    private void publish() {
        Jwks j = jwks;
        if (j == null) {
            throw new IllegalStateException("publishKeys() was not called");
        }
        JwkSet common = JwkSet.of(j.enterpriseCurrent(), j.enterpriseRevoked(), j.consumerCurrent(), j.consumer2016());
        if (!rotated) {
            common = common.with(j.enterpriseRotated());
        }
        server.serveKeys(COMMON_KEYS, common);
        server.serveKeys(CONSUMER_KEYS, JwkSet.of(j.consumerCurrent(), j.consumer2016()));
    }

    private static JwkBuilder certified(DemoKey key) {
        return key.key().jwk().member("use", "sig").certificate(key.notBefore(), key.notAfter());
    }
}
