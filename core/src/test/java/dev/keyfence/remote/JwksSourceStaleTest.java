package dev.keyfence.remote;

import static dev.keyfence.remote.RemoteSetup.A;
import static dev.keyfence.remote.RemoteSetup.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.Reason;
import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwksSourceStaleTest {
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Duration MAX_STALE = Duration.ofHours(1);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private final RemoteSetup setup = new RemoteSetup();

    @AfterEach
    void close() {
        setup.close();
    }

    private JwksSettings settings() {
        return RemoteSetup.jwks()
                .refreshInterval(REFRESH)
                .maxStale(MAX_STALE)
                .minRefetchInterval(MIN_REFETCH)
                .build();
    }

    private static Reason reason(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.reason() : null;
    }

    @Test
    void servesLastKnownGoodKeysForMaxStaleThenFailsClosed() {
        setup.serve(A);
        TokenValidator engine = setup.engine(settings());
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
        setup.server.respond(KEYS, 503, "{}");

        setup.clock.advance(REFRESH.plusSeconds(1));
        assertThat(engine.validate(setup.token(A)).valid())
                .as("stale keys serve after the failed refresh")
                .isTrue();
        assertThat(setup.refreshes.pending())
                .as("a stale source is refreshed on the request, not queued")
                .isZero();
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
        assertThat(engine.sourceStatuses().get(0).health()).isEqualTo(SourceStatus.Health.STALE);

        // failing refreshes are retried once per min-refetch-interval, never per request
        int hits = setup.server.hits(KEYS);
        engine.validate(setup.token(A));
        assertThat(setup.server.hits(KEYS))
                .as("no retry within min-refetch-interval")
                .isEqualTo(hits);
        setup.clock.advance(MIN_REFETCH);
        engine.validate(setup.token(A));
        engine.validate(setup.token(A));
        assertThat(setup.server.hits(KEYS)).as("one retry per interval").isEqualTo(hits + 1);

        // the last instant of max-stale still serves; one second later the source is down
        setup.clock.set(setup.clock
                .instant()
                .minus(REFRESH.plusSeconds(1))
                .minus(MIN_REFETCH)
                .plus(REFRESH)
                .plus(MAX_STALE));
        Verdict last = engine.validate(setup.token(A));
        assertThat(last.valid()).as(RemoteSetup.describe(last)).isTrue();
        setup.refreshes.runAll();
        setup.clock.advance(Duration.ofSeconds(1));
        Verdict after = engine.validate(setup.token(A));
        assertThat(reason(after)).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(((Verdict.Rejected) after).detail()).contains("HTTP 503");
        assertThat(engine.sourceStatuses().get(0).health()).isEqualTo(SourceStatus.Health.DOWN);
        assertThat(setup.events.count("staleServed")).isGreaterThanOrEqualTo(4);
        assertThat(setup.events.count("fetchFailed")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void recoversWhenTheSourceAnswersAgain() {
        setup.serve(A);
        TokenValidator engine = setup.engine(settings());
        engine.validate(setup.token(A));
        setup.server.resetConnection(KEYS);
        setup.clock.advance(REFRESH.plus(MAX_STALE).plusSeconds(1));
        assertThat(reason(engine.validate(setup.token(A)))).isEqualTo(Reason.KEYS_UNAVAILABLE);
        int hits = setup.server.hits(KEYS);
        assertThat(reason(engine.validate(setup.token(A)))).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(setup.server.hits(KEYS))
                .as("no fetch per request while failing")
                .isEqualTo(hits);

        setup.serve(A);
        setup.clock.advance(MIN_REFETCH);
        Verdict v = engine.validate(setup.token(A));

        assertThat(v.valid()).as(RemoteSetup.describe(v)).isTrue();
        assertThat(engine.sourceStatuses().get(0).health()).isEqualTo(SourceStatus.Health.UP);
    }

    @Test
    void failedFetchNeverReplacesGoodKeysEvenForAnUnknownKid() {
        setup.serve(A);
        TokenValidator engine = setup.engine(settings());
        engine.validate(setup.token(A));
        setup.server.serve(KEYS, "{\"keys\":[]}");

        Verdict unknown = engine.validate(setup.tokenWithKid(A, "nobody"));

        assertThat(reason(unknown)).isEqualTo(Reason.KEY_NOT_FOUND);
        assertThat(setup.events.count("kidMissRefetch")).isEqualTo(1);
        assertThat(setup.events.count("fetchFailed")).isEqualTo(1);
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
    }

    @Test
    void validatorBuiltFromPolicyRefreshesOnTheSharedExecutor() throws InterruptedException {
        setup.serve(A);
        java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(2);
        dev.keyfence.KeySourceListener counting = new dev.keyfence.KeySourceListener() {
            @Override
            public void fetched(String source, int keys) {
                refreshed.countDown();
            }
        };
        TokenValidator validator = TokenValidator.create(setup
                .policy(
                        dev.keyfence.KeySource.jwksUri(setup.server.uri(KEYS).toString()),
                        settings(),
                        dev.keyfence.KeyPolicy.builder().build())
                .toBuilder()
                .clock(setup.clock)
                .listener(counting)
                .build());
        assertThat(validator.validate(setup.token(A)).valid()).isTrue();

        setup.clock.advance(REFRESH);
        assertThat(validator.validate(setup.token(A)).valid()).isTrue();

        assertThat(refreshed.await(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("background refresh ran")
                .isTrue();
        assertThat(setup.server.hits(KEYS)).isEqualTo(2);
    }
}
