package dev.keyfence.knowledge;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkBuilder;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * The 2023 forgery shape with only key-scope separation to stop it: an enterprise
 * {@code {tenantid}} issuer whose common key set also carries the consumer key, its
 * {@code issuer} member set to the enterprise template; a consumer issuer with its own source;
 * a resource that accepts enterprise keys only. Both sources on a real HTTP server (or the
 * consumer one as a file), built from code or from YAML, with the policy's clock the test moves.
 */
final class ForgerySetup implements AutoCloseable {
    static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";
    static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    static final String CONSUMER_ISSUER = "https://login.example.test/" + CONSUMER_TENANT + "/v2.0";
    static final String TENANT = "11111111-1111-1111-1111-111111111111";
    static final String AUDIENCE = "api://mail";
    static final String COMMON = "/common/keys";
    static final String CONSUMERS = "/consumers/keys";
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int MAX_BYTES = 8192;

    static final TestKey ENTERPRISE_KEY = TestKey.rsa("ent-1");
    static final TestKey CONSUMER_KEY = TestKey.rsa("msa-1");
    static final TestKey OTHER_CONSUMER_KEY = TestKey.rsa("msa-2");

    /** How the policy is built. */
    enum FrontDoor {
        CODE,
        YAML
    }

    final JwksServer server = JwksServer.start();
    final MutableClock clock = MutableClock.at("2023-06-16T10:00:00Z");
    private final Path dir;
    private Path consumerFile;
    private Duration timeout = TIMEOUT;

    ForgerySetup(Path dir) {
        this.dir = dir;
        server.serveKeys(
                COMMON,
                JwkSet.of(
                        ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                        CONSUMER_KEY.jwk().member("issuer", TEMPLATE)));
    }

    /** The consumer source reads this file instead of the HTTP server. */
    ForgerySetup consumerFromFile(Path file) {
        consumerFile = file;
        return this;
    }

    /** Fetches time out after this long (default {@link #TIMEOUT}). */
    ForgerySetup timeout(Duration fetchTimeout) {
        timeout = fetchTimeout;
        return this;
    }

    /** The consumer's own set, the good one: its key as the consumer publishes it. */
    static JwkSet goodConsumerSet() {
        return JwkSet.of(CONSUMER_KEY.jwk().member("issuer", CONSUMER_ISSUER));
    }

    static JwkBuilder consumerJwk() {
        return CONSUMER_KEY.jwk().member("issuer", CONSUMER_ISSUER);
    }

    ValidationPolicy policy(FrontDoor door) {
        String common = server.uri(COMMON).toString();
        String consumers = server.uri(CONSUMERS).toString();
        if (door == FrontDoor.CODE) {
            return ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("enterprise")
                            .issuer(TEMPLATE)
                            .keySource(KeySource.jwksUri(common))
                            .keyScope("enterprise")
                            .tenants(TENANT)
                            .build())
                    .issuer(TrustedIssuer.builder()
                            .name("consumer")
                            .issuer(CONSUMER_ISSUER)
                            .keySource(
                                    consumerFile != null ? KeySource.file(consumerFile) : KeySource.jwksUri(consumers))
                            .keyScope("consumer")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .name("mail")
                            .audiences(AUDIENCE)
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .jwks(JwksSettings.builder()
                            .allowHttpLoopback(true)
                            .timeout(timeout)
                            .maxBytes(MAX_BYTES)
                            .build())
                    .clock(clock)
                    .build();
        }
        String yaml = "issuers:\n"
                + "  - name: enterprise\n"
                + "    issuer: \"" + TEMPLATE + "\"\n"
                + "    jwks-uri: \"" + common + "\"\n"
                + "    key-scope: enterprise\n"
                + "    tenants: [\"" + TENANT + "\"]\n"
                + "  - name: consumer\n"
                + "    issuer: \"" + CONSUMER_ISSUER + "\"\n"
                + (consumerFile != null
                        ? "    jwks-file: \"" + consumerFile + "\"\n"
                        : "    jwks-uri: \"" + consumers + "\"\n")
                + "    key-scope: consumer\n"
                + "resource:\n"
                + "  name: mail\n"
                + "  audiences: [\"" + AUDIENCE + "\"]\n"
                + "  accepted-key-scopes: [enterprise]\n"
                + "jwks:\n"
                + "  allow-http-loopback: true\n"
                + "  timeout: " + timeout + "\n"
                + "  max-bytes: " + MAX_BYTES + "\n";
        return KeyfenceConfig.parse(yaml, dir).policy().toBuilder().clock(clock).build();
    }

    /** An engine whose background reads run at once on the calling thread, so each test step sees them done. */
    TokenValidator engine(FrontDoor door) {
        return engine(door, Runnable::run);
    }

    TokenValidator engine(FrontDoor door, Executor refreshes) {
        ValidationPolicy policy = policy(door);
        return TokenValidator.create(
                policy.toBuilder().refreshExecutor(refreshes).build());
    }

    /** The forgery: an enterprise token for an allowed tenant, signed by the consumer key. */
    String forgery() {
        return enterprise(CONSUMER_KEY);
    }

    String enterprise(TestKey key) {
        Instant now = clock.instant();
        return Tokens.accessToken(TEMPLATE.replace("{tenantid}", TENANT), AUDIENCE, now)
                .tenant(TENANT)
                .signedWith(key);
    }

    @Override
    public void close() {
        server.close();
    }
}
