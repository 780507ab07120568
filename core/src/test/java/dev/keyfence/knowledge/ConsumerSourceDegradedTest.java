package dev.keyfence.knowledge;

import static dev.keyfence.knowledge.ForgerySetup.CONSUMERS;
import static dev.keyfence.knowledge.ForgerySetup.ENTERPRISE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.knowledge.ForgerySetup.FrontDoor;
import dev.keyfence.testkit.JwkSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding 1 of issue 14, source side: while the consumer source has no good key set, the
 * enterprise-only resource cannot tell a consumer key from an enterprise key, so it refuses
 * the 2023 forgery (and, the price of it, legitimate enterprise tokens) with KEYS_UNAVAILABLE
 * naming the consumer source. Once the consumer source answers, the forgery is refused for its
 * scope and legitimate tokens pass again.
 */
class ConsumerSourceDegradedTest {
    @TempDir
    Path dir;

    /** One way the consumer source fails, applied to a fresh setup before the engine is built. */
    enum Fault {
        NEVER_ANSWERED_404(s -> {}),
        HTTP_503(s -> s.server.respond(CONSUMERS, 503, "down")),
        NOT_JSON(s -> s.server.serve(CONSUMERS, "<html>not json</html>")),
        OVER_MAX_BYTES(s -> s.server.serve(
                CONSUMERS,
                ForgerySetup.goodConsumerSet()
                        .member("padding", "x".repeat(ForgerySetup.MAX_BYTES))
                        .toJson())),
        HANGING(s ->
                s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet()).delay(CONSUMERS, Duration.ofSeconds(60)));

        final Consumer<ForgerySetup> apply;

        Fault(Consumer<ForgerySetup> apply) {
            this.apply = apply;
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(FrontDoor.values())
                .flatMap(d -> Stream.of(Fault.values()).map(f -> Arguments.of(d, f)));
    }

    private static void assertUnavailableNamingConsumer(Verdict v) {
        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(r.detail()).contains("key source consumer");
        });
    }

    static void assertReason(Verdict v, Reason reason) {
        assertThat(v)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class,
                        r -> assertThat(r.reason()).as(r.detail()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void forgeryIsRefusedWhileTheConsumerSourceFailsAndLegitimateTokensPassOnceItRecovers(FrontDoor door, Fault fault) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            fault.apply.accept(s);
            TokenValidator engine = s.engine(door);

            assertUnavailableNamingConsumer(engine.validate(s.forgery()));
            assertUnavailableNamingConsumer(engine.validate(s.enterprise(ENTERPRISE_KEY)));

            s.server.remove(CONSUMERS).serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            s.clock.advance(Duration.ofSeconds(31)); // past min-refetch-interval: the retry runs (in the background)

            assertReason(engine.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(engine.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
        }
    }

    static Stream<FrontDoor> doors() {
        return Stream.of(FrontDoor.values());
    }

    @ParameterizedTest
    @MethodSource("doors")
    void forgeryIsRefusedWhileTheConsumerFileIsMissingOrNotJson(FrontDoor door) throws IOException {
        Path file = dir.resolve("consumers.json");
        try (ForgerySetup s = new ForgerySetup(dir).consumerFromFile(file)) {
            TokenValidator missing = s.engine(door);
            assertUnavailableNamingConsumer(missing.validate(s.forgery()));

            Files.writeString(file, "{\"keys\": not json");
            TokenValidator notJson = s.engine(door);
            assertUnavailableNamingConsumer(notJson.validate(s.forgery()));
            assertUnavailableNamingConsumer(notJson.validate(s.enterprise(ENTERPRISE_KEY)));

            Files.writeString(file, ForgerySetup.goodConsumerSet().toJson());
            s.clock.advance(Duration.ofSeconds(31));
            assertReason(notJson.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(notJson.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("doors")
    void scopeOnceLearnedStaysLearnedWhenTheConsumerSourceFailsPastMaxStale(FrontDoor door) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            TokenValidator engine = s.engine(door);
            assertReason(engine.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);

            s.server.respond(CONSUMERS, 503, "down");
            s.clock.advance(Duration.ofHours(25)); // past refresh-interval + max-stale (PT24H)
            s.server.serveKeys(
                    ForgerySetup.COMMON,
                    JwkSet.of(
                            ENTERPRISE_KEY.jwk().member("issuer", ForgerySetup.TEMPLATE),
                            ForgerySetup.CONSUMER_KEY.jwk().member("issuer", ForgerySetup.TEMPLATE),
                            ForgerySetup.OTHER_CONSUMER_KEY
                                    .jwk()
                                    .kid("ent-2")
                                    .member("issuer", ForgerySetup.TEMPLATE)));

            // the consumer key is still known as a consumer key: refused for its scope, not for a missing source
            assertReason(engine.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            // the enterprise key was seen before the consumer set's last good read, which did not hold it
            assertThat(engine.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            // a key first seen after that read cannot be told apart: fail closed
            assertUnavailableNamingConsumer(
                    engine.validate(s.enterprise(ForgerySetup.OTHER_CONSUMER_KEY.withKid("ent-2"))));
        }
    }
}
