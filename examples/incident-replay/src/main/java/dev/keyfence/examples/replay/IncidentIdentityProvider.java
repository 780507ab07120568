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
    public static final DemoKey CONSUMER_2016 = new DemoKey(TestKey.rsa("msa-2016"), "consumer",
            Instant.parse("2016-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"),
            "consumer key, expired 2021-04-01");
    /** The current consumer key. */
    public static final DemoKey CONSUMER_CURRENT = new DemoKey(TestKey.rsa("msa-2022"), "consumer",
            Instant.parse("2022-01-10T00:00:00Z"), Instant.parse("2027-01-10T00:00:00Z"),
            "current consumer key");
    /** The current enterprise key. */
    public static final DemoKey ENTERPRISE_CURRENT = new DemoKey(TestKey.rsa("ent-2023"), "enterprise",
            Instant.parse("2023-02-01T00:00:00Z"), Instant.parse("2028-02-01T00:00:00Z"),
            "current enterprise key");
    /** The enterprise key rotated out of the endpoint during the replay. */
    public static final DemoKey ENTERPRISE_ROTATED = new DemoKey(TestKey.rsa("ent-2020"), "enterprise",
            Instant.parse("2020-09-01T00:00:00Z"), Instant.parse("2025-09-01T00:00:00Z"),
            "enterprise key, rotated out 2023-05-15");
    /** The enterprise key the operator revoked after it leaked (still published by the provider). */
    public static final DemoKey ENTERPRISE_REVOKED = new DemoKey(TestKey.rsa("ent-2021"), "enterprise",
            Instant.parse("2021-06-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"),
            "leaked enterprise key, revoked");
    /** The attacker's own key pair, published on the attacker's site. */
    public static final TestKey ATTACKER_KEY = TestKey.rsa("attacker-1");

    /** Every key the identity provider ever published, oldest window first. */
    public static final List<DemoKey> KEYS = List.of(CONSUMER_2016, ENTERPRISE_ROTATED, ENTERPRISE_REVOKED,
            CONSUMER_CURRENT, ENTERPRISE_CURRENT);

    private final JwksServer server;
    private final JwksServer attackerSite;
    private final JwkBuilder consumer2016;
    private final JwkBuilder consumerCurrent;
    private final JwkBuilder enterpriseCurrent;
    private final JwkBuilder enterpriseRotated;
    private final JwkBuilder enterpriseRevoked;
    private volatile boolean rotated;

    private IncidentIdentityProvider(JwksServer server, JwksServer attackerSite) {
        this.server = server;
        this.attackerSite = attackerSite;
        // Keys published before mid-2023 carried no `issuer` member; the current ones do.
        this.consumer2016 = certified(CONSUMER_2016);
        this.consumerCurrent = certified(CONSUMER_CURRENT).member("issuer", consumerIssuer());
        String enterpriseTemplate = base() + "/{tenantid}/v2.0";
        this.enterpriseCurrent = certified(ENTERPRISE_CURRENT).member("issuer", enterpriseTemplate);
        this.enterpriseRotated = certified(ENTERPRISE_ROTATED).member("issuer", enterpriseTemplate);
        this.enterpriseRevoked = certified(ENTERPRISE_REVOKED).member("issuer", enterpriseTemplate);
        publish();
        attackerSite.serveKeys(ATTACKER_KEYS, JwkSet.of(ATTACKER_KEY));
    }

    /** @return a running identity provider and attacker site, each on its own ephemeral port */
    public static IncidentIdentityProvider start() {
        JwksServer server = JwksServer.start();
        try {
            return new IncidentIdentityProvider(server, JwksServer.start());
        } catch (IllegalStateException | UncheckedIOException e) {
            server.close();
            throw e;
        }
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
        return Tokens.accessToken(enterpriseIssuer(tenant), AUDIENCE, now).tenant(tenant).claim("scp", "Mail.Read");
    }

    /**
     * A well-formed access token of the consumer issuer.
     *
     * @param now issue instant; expires 10 minutes later
     * @return a builder ready to sign
     */
    public TokenBuilder consumerToken(Instant now) {
        return Tokens.accessToken(consumerIssuer(), AUDIENCE, now).tenant(CONSUMER_TENANT).claim("scp", "Mail.Read");
    }

    @Override
    public void close() {
        attackerSite.close();
        server.close();
    }

    private void publish() {
        JwkSet common = JwkSet.of(enterpriseCurrent, enterpriseRevoked, consumerCurrent, consumer2016);
        if (!rotated) {
            common = common.with(enterpriseRotated);
        }
        server.serveKeys(COMMON_KEYS, common);
        server.serveKeys(CONSUMER_KEYS, JwkSet.of(consumerCurrent, consumer2016));
    }

    private static JwkBuilder certified(DemoKey key) {
        return key.key().jwk().member("use", "sig").certificate(key.notBefore(), key.notAfter());
    }
}
