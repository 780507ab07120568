package dev.keyfence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finding 3 of issue 14: per-tenant key URLs with {@code tenants: ["*"]}. A flood of tokens
 * naming random tenants creates at most {@code jwks.tenant-sources-per-minute} sources (one
 * fetch each, on the flooding requests themselves); afterwards a legitimate token causes no
 * outbound fetch at all (the server's request counter is the outbound-fetch counter). A failed
 * per-tenant source is not refetched within {@code min-refetch-interval}, then dropped.
 */
class PerTenantFloodTest {
    private static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";
    private static final String TENANT = "11111111-1111-1111-1111-111111111111";
    private static final TestKey KEY = TestKey.rsa("ent-1");

    @TempDir
    Path dir;

    enum FrontDoor {
        CODE_DEFAULT_LIMIT,
        YAML_LIMIT_10
    }

    private static int limit(FrontDoor door) {
        return door == FrontDoor.CODE_DEFAULT_LIMIT ? JwksSettings.DEFAULT_TENANT_SOURCES_PER_MINUTE : 10;
    }

    private ValidationPolicy policy(FrontDoor door, JwksServer server, MutableClock clock) {
        String uri = "http://127.0.0.1:" + server.port() + "/{tenantid}/keys";
        if (door == FrontDoor.CODE_DEFAULT_LIMIT) {
            return ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("enterprise")
                            .issuer(TEMPLATE)
                            .keySource(KeySource.jwksUri(uri))
                            .keyScope("enterprise")
                            .tenants("*")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences("api://mail")
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                    .clock(clock)
                    .build();
        }
        String yaml = "issuers:\n"
                + "  - name: enterprise\n"
                + "    issuer: \"" + TEMPLATE + "\"\n"
                + "    jwks-uri: \"" + uri + "\"\n"
                + "    key-scope: enterprise\n"
                + "    tenants: [\"*\"]\n"
                + "resource:\n"
                + "  audiences: [\"api://mail\"]\n"
                + "  accepted-key-scopes: [enterprise]\n"
                + "jwks:\n"
                + "  allow-http-loopback: true\n"
                + "  tenant-sources-per-minute: 10\n";
        return KeyfenceConfig.parse(yaml, dir).policy().toBuilder().clock(clock).build();
    }

    private static String token(String tenant, MutableClock clock) {
        return Tokens.accessToken(TEMPLATE.replace("{tenantid}", tenant), "api://mail", clock.instant())
                .tenant(tenant)
                .signedWith(KEY);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void legitimateTokenCausesNoFetchAfterAFloodOfRandomTenants(FrontDoor door) {
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/" + TENANT + "/keys", JwkSet.of(KEY));
            MutableClock clock = MutableClock.at("2025-01-15T10:00:00Z");
            ValidationPolicy policy = policy(door, server, clock);
            TokenValidator engine = TokenValidator.create(
                    policy.toBuilder().refreshExecutor(Runnable::run).build());
            assertThat(engine.validate(token(TENANT, clock)).valid()).isTrue();
            assertThat(server.totalHits()).isEqualTo(1);

            String firstFlooder = null;
            for (int i = 0; i < 300; i++) {
                String tenant = UUID.randomUUID().toString();
                firstFlooder = firstFlooder == null ? tenant : firstFlooder;
                Verdict v = engine.validate(token(tenant, clock));
                assertThat(v)
                        .isInstanceOfSatisfying(
                                Verdict.Rejected.class,
                                r -> assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.KEYS_UNAVAILABLE));
            }
            assertThat(server.totalHits())
                    .as("one fetch per created source, the legitimate tenant's included: rate-limited")
                    .isEqualTo(limit(door));

            clock.advance(Duration.ofSeconds(31)); // past min-refetch-interval: every failed source could be retried
            server.resetHits();
            assertThat(engine.validate(token(TENANT, clock)).valid()).isTrue();
            assertThat(server.totalHits())
                    .as("fetches caused by the legitimate token")
                    .isZero();

            // a failed tenant source: dropped after min-refetch-interval, created again (within the rate) by its own
            // tenant
            clock.advance(Duration.ofSeconds(30)); // a new minute: the creation rate allows new sources again
            assertThat(engine.validate(token(firstFlooder, clock))).isInstanceOf(Verdict.Rejected.class);
            assertThat(server.totalHits()).isEqualTo(1);
            assertThat(engine.validate(token(firstFlooder, clock))).isInstanceOf(Verdict.Rejected.class);
            assertThat(server.totalHits())
                    .as("negatively cached within min-refetch-interval")
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void newTenantOverTheCreationRateIsRefusedWithoutAFetchAndNamesTheSetting(FrontDoor door) {
        try (JwksServer server = JwksServer.start()) {
            MutableClock clock = MutableClock.at("2025-01-15T10:00:00Z");
            ValidationPolicy policy = policy(door, server, clock);
            TokenValidator engine = TokenValidator.create(
                    policy.toBuilder().refreshExecutor(Runnable::run).build());
            for (int i = 0; i < limit(door); i++) {
                engine.validate(token(UUID.randomUUID().toString(), clock));
            }
            server.resetHits();
            server.serveKeys("/" + TENANT + "/keys", JwkSet.of(KEY));

            assertThat(engine.validate(token(TENANT, clock))).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
                assertThat(r.detail()).contains("jwks.tenant-sources-per-minute");
            });
            assertThat(server.totalHits()).isZero();

            clock.advance(Duration.ofMinutes(1));
            assertThat(engine.validate(token(TENANT, clock)).valid()).isTrue();
        }
    }
}
