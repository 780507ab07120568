package dev.keyfence.jakarta.support;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 2023 key-set layout, served over real HTTP on 127.0.0.1: a {@code {tenantid}} enterprise
 * issuer whose common key set also publishes consumer keys (one of them expired in 2021), and a
 * consumer issuer. The validator's clock stands in June 2023 and moves when a test moves it.
 */
public final class Incident2023 implements AutoCloseable {
    public static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    public static final String MAIL = "api://mail";
    public static final String CONSUMER_MAIL = "api://consumer-mail";

    public final MutableClock clock = MutableClock.at("2023-06-15T12:00:00Z");
    public final JwksServer server = JwksServer.start();
    public final TestKey enterprise = TestKey.rsa("ent-2023");
    public final TestKey revoked = TestKey.rsa("ent-revoked");
    public final TestKey retiring = TestKey.rsa("ent-retiring");
    public final TestKey consumer = TestKey.rsa("msa-2023");
    public final TestKey expiredConsumer = TestKey.rsa("legacy-2016");
    private final Map<String, JwkBuilder> common = new LinkedHashMap<>();
    public final KeyfenceConfig config;
    public final TokenValidator validator;

    public Incident2023() {
        Instant from = Instant.parse("2022-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-01-01T00:00:00Z");
        JwkBuilder expired = expiredConsumer
                .jwk()
                .certificate(Instant.parse("2016-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"));
        JwkBuilder msa = consumer.jwk().certificate(from, to);
        for (JwkBuilder k : new JwkBuilder[] {
            enterprise.jwk().certificate(from, to),
            revoked.jwk().certificate(from, to),
            retiring.jwk().certificate(from, to),
            msa,
            expired
        }) {
            common.put(k.key().kid(), k);
        }
        publishCommon();
        server.serveKeys("/consumers/keys", JwkSet.of(msa, expired));
        String base = "http://127.0.0.1:" + server.port();
        String yaml = """
                issuers:
                  - name: entra
                    issuer: "%1$s/{tenantid}/v2.0"
                    jwks-uri: "%1$s/common/keys"
                    key-scope: enterprise
                    tenants: ["tenant-a", "tenant-b"]
                  - name: consumers
                    issuer: "%1$s/%2$s/v2.0"
                    jwks-uri: "%1$s/consumers/keys"
                    key-scope: consumer
                resource:
                  audiences: ["%3$s"]
                  accepted-key-scopes: [enterprise]
                resources:
                  consumer-mail:
                    audiences: ["%4$s"]
                    accepted-key-scopes: [consumer, enterprise]
                keys:
                  revoked: ["kid:ent-revoked"]
                jwks:
                  allow-http-loopback: true
                """.formatted(base, CONSUMER_TENANT, MAIL, CONSUMER_MAIL);
        config = KeyfenceConfig.parse(yaml, Path.of("."));
        validator =
                TokenValidator.create(config.policy().toBuilder().clock(clock).build());
    }

    /** The validator for the {@code consumer-mail} profile, sharing keys with {@link #validator}. */
    public TokenValidator consumerMail() {
        NamedResource profile = config.resources().stream()
                .filter(r -> r.name().equals("consumer-mail"))
                .findFirst()
                .orElseThrow();
        return validator.forResource(profile.resource());
    }

    /** The {@code iss} of an enterprise tenant. */
    public String tenantIssuer(String tenant) {
        return "http://127.0.0.1:" + server.port() + "/" + tenant + "/v2.0";
    }

    /** A token for {@code tenant}, issued now by the moving clock, not yet signed. */
    public TokenBuilder enterpriseToken(String tenant, String audience) {
        return Tokens.accessToken(tenantIssuer(tenant), audience, clock.instant())
                .tenant(tenant);
    }

    /** A consumer-issuer token, issued now, not yet signed. */
    public TokenBuilder consumerToken(String audience) {
        return Tokens.accessToken(tenantIssuer(CONSUMER_TENANT), audience, clock.instant())
                .tenant(CONSUMER_TENANT);
    }

    /** Unpublishes a key from the common key set. */
    public synchronized void unpublish(String kid) {
        common.remove(kid);
        publishCommon();
    }

    /** Moves the validator's clock. */
    public void advance(Duration d) {
        clock.advance(d);
    }

    private synchronized void publishCommon() {
        server.serveKeys("/common/keys", JwkSet.of(common.values().toArray(JwkBuilder[]::new)));
    }

    @Override
    public void close() {
        server.close();
    }
}
