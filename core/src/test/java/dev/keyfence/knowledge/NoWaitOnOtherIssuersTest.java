package dev.keyfence.knowledge;

import static dev.keyfence.knowledge.ForgerySetup.CONSUMERS;
import static dev.keyfence.knowledge.ForgerySetup.ENTERPRISE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.KeySourceListener;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.knowledge.ForgerySetup.FrontDoor;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finding 2 of issue 14: a token never waits on another issuer's key source. A source that
 * hangs holds its connection (a latch in the test server, released only when the test ends)
 * while tokens of other issuers complete; the proof is that the hanging fetch has not ended
 * (no fetch event for it) when the token's verdict is in, with a fetch timeout far longer than
 * the test.
 */
class NoWaitOnOtherIssuersTest {
    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(50);

    @TempDir
    Path dir;

    /** Counts the fetches of one source that ended, with keys or with a failure. */
    private static final class FetchEnds implements KeySourceListener {
        final java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
        private final String source;

        FetchEnds(String source) {
            this.source = source;
        }

        @Override
        public void fetched(String s, int keys) {
            ended(s);
        }

        @Override
        public void fetchFailed(String s, String problem) {
            ended(s);
        }

        @Override
        public void staleServed(String s, Duration age) {}

        @Override
        public void kidMissRefetch(String s) {}

        @Override
        public void refetchRateLimited(String s) {}

        @Override
        public void keyAdded(String s, String kid) {}

        @Override
        public void keyRetired(String s, String kid) {}

        @Override
        public void keyRejected(String s, String kid, String problem) {}

        private void ended(String s) {
            if (s.equals(source)) {
                ended.incrementAndGet();
            }
        }
    }

    @Test
    void tokenOfOneIssuerCompletesWhileAnotherIssuersFirstReadHangs() throws Exception {
        TestKey a = TestKey.rsa("a-1");
        ExecutorService refreshes = Executors.newFixedThreadPool(2);
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/a", JwkSet.of(a));
            server.serveKeys("/b", JwkSet.of(TestKey.rsa("b-1"))).delay("/b", JwksServer.MAX_DELAY);
            MutableClock clock = MutableClock.at("2025-01-15T10:00:00Z");
            FetchEnds events = new FetchEnds("b");
            ValidationPolicy policy = ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("a")
                            .issuer("https://a.example")
                            .keySource(KeySource.jwksUri(server.uri("/a").toString()))
                            .keyScope("enterprise")
                            .build())
                    .issuer(TrustedIssuer.builder()
                            .name("b")
                            .issuer("https://b.example")
                            .keySource(KeySource.jwksUri(server.uri("/b").toString()))
                            .keyScope("enterprise")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences("api://x")
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .jwks(JwksSettings.builder()
                            .allowHttpLoopback(true)
                            .timeout(LONG_TIMEOUT)
                            .build())
                    .clock(clock)
                    .listener(events)
                    .build();
            TokenValidator engine = TokenValidator.create(
                    policy.toBuilder().refreshExecutor(refreshes).build());

            String token = Tokens.accessToken("https://a.example", "api://x", clock.instant())
                    .signedWith(a);
            assertThat(engine.validate(token).valid()).isTrue();
            assertThat(events.ended).as("b's first read still hangs").hasValue(0);
        } finally {
            refreshes.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void enterpriseTokenNeverWaitsOnARefetchOfTheHangingConsumerSource(FrontDoor door) throws Exception {
        ExecutorService refreshes = Executors.newFixedThreadPool(2);
        try (ForgerySetup s = new ForgerySetup(dir).timeout(LONG_TIMEOUT)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            FetchEnds consumer = new FetchEnds("consumer");
            ValidationPolicy policy =
                    s.policy(door).toBuilder().clock(s.clock).listener(consumer).build();
            TokenValidator engine = TokenValidator.create(
                    policy.toBuilder().refreshExecutor(refreshes).build());
            assertThat(engine.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue(); // waits for first reads only
            assertThat(consumer.ended)
                    .as("the consumer's first read ended before the verdict")
                    .hasValue(1);

            s.server.delay(CONSUMERS, JwksServer.MAX_DELAY); // from now on the consumer endpoint hangs
            s.clock.advance(Duration.ofMinutes(6)); // past refresh-interval: both sources are due

            assertThat(engine.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            assertThat(engine.validate(s.forgery()))
                    .isInstanceOfSatisfying(
                            dev.keyfence.Verdict.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(dev.keyfence.Reason.KEY_SCOPE_NOT_ACCEPTED));
            assertThat(consumer.ended).as("the consumer refetch still hangs").hasValue(1);
        } finally {
            refreshes.shutdownNow();
        }
    }
}
