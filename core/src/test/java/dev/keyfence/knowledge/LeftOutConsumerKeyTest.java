package dev.keyfence.knowledge;

import static dev.keyfence.knowledge.ConsumerSourceDegradedTest.assertReason;
import static dev.keyfence.knowledge.ForgerySetup.CONSUMERS;
import static dev.keyfence.knowledge.ForgerySetup.ENTERPRISE_KEY;
import static dev.keyfence.knowledge.ForgerySetup.OTHER_CONSUMER_KEY;
import static dev.keyfence.knowledge.ForgerySetup.consumerJwk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.knowledge.ForgerySetup.FrontDoor;
import dev.keyfence.testkit.JwkSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding 1 of issue 14, key side: the consumer set publishes its copy of the consumer key in a
 * form that gets it left out as unusable. Its public key still parses, so its thumbprint is
 * still learned as a consumer key, and the forgery is refused with KEY_SCOPE_NOT_ACCEPTED;
 * legitimate enterprise tokens pass.
 */
class LeftOutConsumerKeyTest {
    @TempDir
    Path dir;

    /** The consumer key as the consumer set publishes it, each form left out for another cause. */
    enum Exclusion {
        DUPLICATE_KID(() -> JwkSet.of(consumerJwk(), consumerJwk())),
        KID_SHARED_WITH_ANOTHER_KEY(
                () -> JwkSet.of(consumerJwk(), OTHER_CONSUMER_KEY.jwk().kid("msa-1"))),
        MALFORMED_EXP(() -> JwkSet.of(consumerJwk().member("exp", "2030-01-01"))),
        MALFORMED_KID(() -> JwkSet.of(consumerJwk().member("kid", 42))),
        BAD_X5C(() -> JwkSet.of(consumerJwk().member("x5c", java.util.List.of("bm90IGEgY2VydGlmaWNhdGU")))),
        X5C_OF_ANOTHER_KEY(() -> JwkSet.of(consumerJwk()
                .certificateOf(
                        OTHER_CONSUMER_KEY,
                        Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2030-01-01T00:00:00Z")))),
        USE_NOT_A_STRING(() -> JwkSet.of(consumerJwk().member("use", 5))),
        UNSUPPORTED_USE(() -> JwkSet.of(consumerJwk().member("use", "enc")));

        final Supplier<JwkSet> set;

        Exclusion(Supplier<JwkSet> set) {
            this.set = set;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(FrontDoor.values())
                .flatMap(d -> Stream.of(Exclusion.values()).map(x -> Arguments.of(d, x)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void keyLeftOutOfTheConsumerSetStillTeachesItsScope(FrontDoor door, Exclusion exclusion) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            // another, usable consumer key keeps the consumer set good
            s.server.serveKeys(
                    CONSUMERS, exclusion.set.get().with(OTHER_CONSUMER_KEY.jwk().kid("msa-2")));
            TokenValidator engine = s.engine(door);

            assertReason(engine.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(engine.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
        }
    }

    /** Sets whose only entry is left out: an "enc" key is read (it fits no signature) and a shared kid needs two keys. */
    static Stream<Arguments> failedSetCases() {
        return cases().filter(a ->
                a.get()[1] != Exclusion.UNSUPPORTED_USE && a.get()[1] != Exclusion.KID_SHARED_WITH_ANOTHER_KEY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("failedSetCases")
    void keyOfASetWithNoUsableKeyStillTeachesItsScope(FrontDoor door, Exclusion exclusion) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, exclusion.set.get()); // a failed set: no usable key at all
            TokenValidator engine = s.engine(door);

            assertReason(engine.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            // the consumer source has no good set: legitimate tokens are refused until it has one
            assertReason(engine.validate(s.enterprise(ENTERPRISE_KEY)), Reason.KEYS_UNAVAILABLE);
        }
    }
}
