package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
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
import java.time.Duration;
import java.time.Instant;
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
        server.serveKeys("/keys", JwkSet.of(key.jwk().certificate(clock.instant().minus(Duration.ofDays(300)),
                clock.instant().plus(Duration.ofDays(10)))));
        TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder().name("idp").issuer(ISS)
                        .keySource(KeySource.jwksUri(server.uri("/keys").toString())).keyScope("enterprise").build())
                .resource(ResourcePolicy.builder().audiences("api").acceptedKeyScopes("enterprise").build())
                .jwks(JwksSettings.builder().allowHttpLoopback(true).refreshInterval(Duration.ofMinutes(5))
                        .maxStale(Duration.ofHours(1)).build())
                .clock(clock).build());
        assertThat(validator.validate(Tokens.accessToken(ISS, "api", clock.instant()).signedWith(key)).valid()).isTrue();

        Health up = health(validator);
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("keyfence", "UP").containsEntry("keys", 1L)
                .containsKey("keysExpiringSoon");

        server.respond("/keys", 503, "{}");
        clock.advance(Duration.ofMinutes(6));
        assertThat(validator.validate(Tokens.accessToken(ISS, "api", clock.instant()).signedWith(key)).valid())
                .as("last-known-good keys serve").isTrue();
        Health stale = health(validator);
        assertThat(stale.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(stale.getDetails()).containsEntry("keyfence", "STALE");
        assertThat((String) stale.getDetails().get("problem")).contains("HTTP 503");

        clock.advance(Duration.ofHours(2));
        Health down = health(validator);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("keyfence", "DOWN");
    }

    private Health health(TokenValidator validator) {
        SourceStatus source = validator.sourceStatuses().get(0);
        return KeySourceHealth.health(source, clock);
    }
}
