package dev.keyfence.ledger.jdbc;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Clock;
import java.time.Instant;

/**
 * The 2023 forgery shape for validators on a database ledger: an enterprise {@code {tenantid}}
 * issuer whose common key set (served over HTTP by the test) also carries the consumer key; a
 * consumer issuer with its own source; a resource that accepts enterprise keys only. Keys are
 * fixed by kid (the fleet's JVMs derive the same tokens' verification from the served sets only).
 */
final class ForgeryPolicy {
    static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";
    static final String CONSUMER_ISSUER = "https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";
    static final String TENANT = "11111111-1111-1111-1111-111111111111";
    static final String AUDIENCE = "api://mail";
    static final String COMMON = "/common/keys";
    static final String CONSUMERS = "/consumers/keys";

    private ForgeryPolicy() {}

    /** The policy, with the key sources at {@code baseUri} (no trailing slash) and the ledger attached (none when null). */
    static ValidationPolicy policy(String baseUri, KeyLedger ledger, Clock clock) {
        ValidationPolicy.Builder b = ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("enterprise")
                        .issuer(TEMPLATE)
                        .keySource(KeySource.jwksUri(baseUri + COMMON))
                        .keyScope("enterprise")
                        .tenants(TENANT)
                        .build())
                .issuer(TrustedIssuer.builder()
                        .name("consumer")
                        .issuer(CONSUMER_ISSUER)
                        .keySource(KeySource.jwksUri(baseUri + CONSUMERS))
                        .keyScope("consumer")
                        .build())
                .resource(ResourcePolicy.builder()
                        .name("mail")
                        .audiences(AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder()
                        .allowHttpLoopback(true)
                        .timeout(java.time.Duration.ofSeconds(2))
                        .build())
                .clock(clock);
        return (ledger == null ? b : b.ledger(ledger)).build();
    }

    /** An enterprise token for the allowed tenant, signed by {@code key}. */
    static String enterpriseToken(TestKey key, Instant now) {
        return Tokens.accessToken(TEMPLATE.replace("{tenantid}", TENANT), AUDIENCE, now)
                .tenant(TENANT)
                .signedWith(key);
    }
}
