package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.KeySourceListener;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A key source's health follows its keys through a real outage: UP while fresh, UNKNOWN with
 * {@code keyfence=STALE} while last-known-good keys serve, DOWN once max-stale has passed; keys
 * close to expiry are named.
 */
class KeySourceHealthTest {
    private static final String ISS = "https://idp.example.test";
    private final MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T00:00:00Z"));
    private final JwksServer server = JwksServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void upThenStaleThenDownThroughAnOutage() {
        TestKey key = TestKey.rsa("health-key");
        server.serveKeys(
                "/keys",
                JwkSet.of(key.jwk()
                        .certificate(
                                clock.instant().minus(Duration.ofDays(300)),
                                clock.instant().plus(Duration.ofDays(10)))));
        TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("idp")
                        .issuer(ISS)
                        .keySource(KeySource.jwksUri(server.uri("/keys").toString()))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder()
                        .allowHttpLoopback(true)
                        .refreshInterval(Duration.ofMinutes(5))
                        .maxStale(Duration.ofHours(1))
                        .build())
                .clock(clock)
                .build());
        assertThat(validator
                        .validate(
                                Tokens.accessToken(ISS, "api", clock.instant()).signedWith(key))
                        .valid())
                .isTrue();

        Health up = health(validator);
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails())
                .containsEntry("keyfence", "UP")
                .containsEntry("keys", 1L)
                .containsKey("keysExpiringSoon");

        server.respond("/keys", 503, "{}");
        clock.advance(Duration.ofMinutes(6));
        assertThat(validator
                        .validate(
                                Tokens.accessToken(ISS, "api", clock.instant()).signedWith(key))
                        .valid())
                .as("last-known-good keys serve")
                .isTrue();
        Health stale = health(validator);
        assertThat(stale.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(stale.getDetails()).containsEntry("keyfence", "STALE");
        assertThat((String) stale.getDetails().get("problem")).contains("HTTP 503");

        clock.advance(Duration.ofHours(2));
        Health down = health(validator);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("keyfence", "DOWN");
    }

    @Test
    void oneProbeReadsOneSnapshotAndSummarisesTenThousandTenantSources() {
        ValidationPolicy policy = ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("tenants")
                        .issuer("https://login.example.test/{tenantid}/v2.0")
                        .keySource(KeySource.jwksUri("https://login.example.test/{tenantid}/keys"))
                        .keyScope("enterprise")
                        .tenants("*")
                        .build())
                .issuer(TrustedIssuer.builder()
                        .name("shared")
                        .issuer(ISS)
                        .keySource(KeySource.jwksUri("https://idp.example.test/keys"))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .clock(clock)
                .build();
        List<SourceStatus> snapshot = new ArrayList<>();
        snapshot.add(new SourceStatus(
                "shared",
                "shared",
                "https://idp.example.test/keys",
                SourceStatus.Health.UP,
                Optional.of(clock.instant()),
                Optional.empty(),
                List.of()));
        for (int i = 0; i < 10_000; i++) {
            // callers name tenants at will; tenants that do not exist fail their key fetches
            SourceStatus.Health h = i % 10 == 0 ? SourceStatus.Health.DOWN : SourceStatus.Health.UP;
            snapshot.add(new SourceStatus(
                    "tenants",
                    "tenants/tid-" + i,
                    "https://login.example.test/tid-" + i + "/keys",
                    h,
                    Optional.empty(),
                    Optional.empty(),
                    List.of()));
        }
        AtomicInteger reads = new AtomicInteger();
        KeySourceHealth indicator = new KeySourceHealth(
                () -> {
                    reads.incrementAndGet();
                    return snapshot;
                },
                () -> policy);

        Health health = indicator.health();

        assertThat(reads).as("one snapshot per probe, not one per source").hasValue(1);
        assertThat(health.getStatus())
                .as("a failing tenant someone named does not take the instance out")
                .isEqualTo(Status.UP);
        assertThat(health.getDetails()).as("per-tenant sources summarised").containsOnlyKeys("shared", "tenants");
        assertThat(health.getDetails().get("tenants"))
                .isEqualTo(Map.of("tenantSources", 10_000L, "up", 9_000L, "stale", 0L, "down", 1_000L));
    }

    @Test
    void sourceEventMetersStayOnePerIssuerAndEventHoweverManyTenants() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KeySourceListener listener = MicrometerListeners.keySources(count -> count.accept(meters));
        listener.fetched("shared", 1);
        int before = meters.getMeters().size();
        for (int i = 0; i < 10_000; i++) {
            listener.fetched("tenants/tid-" + i, 1);
            listener.fetchFailed("tenants/tid-" + i, "HTTP 404");
        }
        assertThat(meters.getMeters()).hasSize(before + 2);
        assertThat(meters.find(MicrometerListeners.SOURCE_EVENTS)
                        .tags("source", "tenants", "event", "fetched")
                        .counter()
                        .count())
                .isEqualTo(10_000);
    }

    @Test
    void tenantsCallersNameAreSummarisedNotListedAndDoNotTakeTheInstanceDown() {
        TestKey key = TestKey.rsa("tenant-key");
        server.serveKeys("/tid-real/keys", JwkSet.of(key));
        String template = server.uri("/").toString() + "{tenantid}";
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("tenants")
                        .issuer(template + "/v2.0")
                        .keySource(KeySource.jwksUri(template + "/keys"))
                        .keyScope("enterprise")
                        .tenants("*")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                .listener(MicrometerListeners.keySources(count -> count.accept(meters)))
                .clock(clock)
                .build());
        String realIss = server.uri("/tid-real/v2.0").toString();
        assertThat(validator
                        .validate(Tokens.accessToken(realIss, "api", clock.instant())
                                .tenant("tid-real")
                                .signedWith(key))
                        .valid())
                .isTrue();
        int metersAfterOneTenant = meters.getMeters().size();
        for (int i = 0; i < 40; i++) {
            // an unauthenticated caller names tenants that do not exist: each gets a key source whose fetch fails
            String iss = server.uri("/tid-" + i + "/v2.0").toString();
            validator.validate(Tokens.accessToken(iss, "api", clock.instant())
                    .tenant("tid-" + i)
                    .signedWith(key));
        }
        AtomicInteger reads = new AtomicInteger();
        Health health = new KeySourceHealth(
                        () -> {
                            reads.incrementAndGet();
                            return validator.sourceStatuses();
                        },
                        validator::policy)
                .health();

        assertThat(reads).hasValue(1);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys("tenants");
        assertThat(health.getDetails().get("tenants"))
                .isEqualTo(Map.of("tenantSources", 41L, "up", 1L, "stale", 0L, "down", 40L));
        assertThat(meters.getMeters())
                .as("failed fetches add a meter per event type, not one per tenant")
                .hasSizeLessThanOrEqualTo(metersAfterOneTenant + 3);
    }

    private Health health(TokenValidator validator) {
        SourceStatus source = validator.sourceStatuses().get(0);
        return KeySourceHealth.health(source, clock);
    }
}
