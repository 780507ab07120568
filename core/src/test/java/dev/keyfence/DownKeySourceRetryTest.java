package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A source that never answered is read at creation and then at most once per
 * min-refetch-interval, in the background (here a direct executor, so the test sees each read);
 * a token never waits on it. While it teaches a scope the resource refuses, that resource fails
 * closed (KEYS_UNAVAILABLE naming it); a source of an accepted scope is not read for other
 * issuers' tokens at all.
 */
class DownKeySourceRetryTest {
    private static final TestKey KEY = TestKey.rsa("k1");

    private static TokenValidator engine(JwksServer server, MutableClock clock, String downScope) {
        ValidationPolicy policy = ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("good")
                        .issuer("https://good.example")
                        .keySource(KeySource.jwksUri(server.uri("/good").toString()))
                        .keyScope("enterprise")
                        .build())
                .issuer(TrustedIssuer.builder()
                        .name("down")
                        .issuer("https://down.example")
                        .keySource(KeySource.jwksUri(server.uri("/down").toString()))
                        .keyScope(downScope)
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api://mail")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder()
                        .allowHttpLoopback(true)
                        .minRefetchInterval(Duration.ofSeconds(30))
                        .build())
                .clock(clock)
                .build();
        return TokenValidator.create(
                policy.toBuilder().refreshExecutor(Runnable::run).build());
    }

    private static Verdict validate(TokenValidator engine, MutableClock clock) {
        return engine.validate(Tokens.accessToken("https://good.example", "api://mail", clock.instant())
                .signedWith(KEY));
    }

    @Test
    void downSourceOfRefusedScopeFailsClosedAndIsRetriedAtMostOncePerMinRefetchInterval() {
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/good", JwkSet.of(KEY));
            server.respond("/down", 500, "down");
            MutableClock clock = MutableClock.at("2024-10-15T12:00:00Z");
            TokenValidator engine = engine(server, clock, "partner");
            for (int i = 0; i < 3; i++) {
                assertThat(validate(engine, clock)).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
                    assertThat(r.detail()).contains("key source down has never been read");
                });
            }
            assertThat(server.hits("/down")).isEqualTo(1);

            clock.advance(Duration.ofSeconds(31));
            assertThat(((Verdict.Rejected) validate(engine, clock)).reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(server.hits("/down")).isEqualTo(2);

            server.serveKeys("/down", JwkSet.of(TestKey.rsa("partner-1")));
            clock.advance(Duration.ofSeconds(31));
            assertThat(validate(engine, clock).valid()).isTrue();
            assertThat(server.hits("/down")).isEqualTo(3);
            assertThat(validate(engine, clock).valid()).isTrue();
            assertThat(server.hits("/down")).isEqualTo(3);
        }
    }

    @Test
    void downSourceOfAcceptedScopeIsNeverReadForAnotherIssuersToken() {
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/good", JwkSet.of(KEY));
            server.respond("/down", 500, "down");
            MutableClock clock = MutableClock.at("2024-10-15T12:00:00Z");
            TokenValidator engine = engine(server, clock, "enterprise");
            for (int i = 0; i < 3; i++) {
                assertThat(validate(engine, clock).valid()).isTrue();
                clock.advance(Duration.ofSeconds(31));
            }
            assertThat(server.hits("/down")).isEqualTo(1);
        }
    }
}
