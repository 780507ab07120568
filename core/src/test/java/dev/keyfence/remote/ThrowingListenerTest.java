package dev.keyfence.remote;

import static dev.keyfence.remote.RemoteSetup.A;
import static dev.keyfence.remote.RemoteSetup.B;
import static dev.keyfence.remote.RemoteSetup.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.KeySourceListener;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An application listener that throws on every event (as a metrics listener does when its
 * registry cannot be had) neither ends a key refresh nor fails a request: the keys are still
 * read, rotated and refused exactly as without it.
 */
class ThrowingListenerTest {

    @Test
    void aListenerThatThrowsOnEveryEventChangesNoVerdictAndEndsNoRefresh() {
        try (RemoteSetup setup = new RemoteSetup().serve(A)) {
            AtomicInteger calls = new AtomicInteger();
            KeySourceListener throwing = new KeySourceListener() {
                @Override
                public void fetched(String source, int keys) {
                    fail();
                }

                @Override
                public void fetchFailed(String source, String problem) {
                    fail();
                }

                @Override
                public void kidMissRefetch(String source) {
                    fail();
                }

                @Override
                public void keyAdded(String source, String kid) {
                    fail();
                }

                @Override
                public void keyRetired(String source, String kid) {
                    fail();
                }

                private void fail() {
                    calls.incrementAndGet();
                    throw new IllegalStateException("registry is being created");
                }
            };
            ValidationPolicy policy = ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("idp")
                            .issuer(setup.issuer)
                            .keySource(KeySource.jwksUri(setup.server.uri(KEYS).toString()))
                            .keyScope("enterprise")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences(RemoteSetup.AUDIENCE)
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .jwks(RemoteSetup.jwks()
                            .minRefetchInterval(Duration.ofSeconds(1))
                            .build())
                    .keys(KeyPolicy.builder().build())
                    .clock(setup.clock)
                    .listener(throwing)
                    .build();
            // refreshes run on the test thread: a listener exception that escaped would fail the test here
            TokenValidator engine = TokenValidator.create(
                    policy.toBuilder().refreshExecutor(Runnable::run).build());

            assertThat(engine.validate(setup.token(A)).valid()).isTrue();
            int afterFirstRead = calls.get();
            assertThat(afterFirstRead).as("the listener was called and threw").isPositive();

            setup.server.serveKeys(KEYS, JwkSet.of(B));
            setup.clock.advance(Duration.ofSeconds(5));
            Verdict rotated = engine.validate(setup.token(B));
            assertThat(rotated.valid()).as(RemoteSetup.describe(rotated)).isTrue();
            assertThat(calls.get())
                    .as("events of the rotation reached the listener")
                    .isGreaterThan(afterFirstRead);

            Verdict unknown = engine.validate(setup.tokenWithKid(A, "no-such-kid"));
            assertThat(unknown)
                    .isInstanceOfSatisfying(
                            Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        }
    }
}
