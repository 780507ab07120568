package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A source that never answered is not fetched again on every token: at most once per min-refetch-interval. */
class DownKeySourceRetryTest {
    @Test
    void downSourceWithoutCachedKeysIsRetriedAtMostOncePerMinRefetchInterval() {
        TestKey key = TestKey.rsa("k1");
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/good", JwkSet.of(key));
            server.respond("/down", 500, "down");
            MutableClock clock = MutableClock.at("2024-10-15T12:00:00Z");
            ValidationPolicy policy = ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder().name("good").issuer("https://good.example")
                            .keySource(KeySource.jwksUri(server.uri("/good").toString())).keyScope("enterprise").build())
                    .issuer(TrustedIssuer.builder().name("down").issuer("https://down.example")
                            .keySource(KeySource.jwksUri(server.uri("/down").toString())).keyScope("partner").build())
                    .resource(ResourcePolicy.builder().audiences("api://mail").acceptedKeyScopes("enterprise").build())
                    .jwks(JwksSettings.builder().allowHttpLoopback(true).minRefetchInterval(Duration.ofSeconds(30)).build())
                    .clock(clock).build();
            TokenValidator validator = TokenValidator.create(policy);
            for (int i = 0; i < 3; i++) {
                String token = Tokens.accessToken("https://good.example", "api://mail", clock.instant()).signedWith(key);
                assertThat(validator.validate(token).valid()).isTrue();
            }
            assertThat(server.hits("/down")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(31));
            String token = Tokens.accessToken("https://good.example", "api://mail", clock.instant()).signedWith(key);
            assertThat(validator.validate(token).valid()).isTrue();
            assertThat(server.hits("/down")).isEqualTo(2);
        }
    }
}
