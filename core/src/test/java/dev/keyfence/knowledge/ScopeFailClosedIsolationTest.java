package dev.keyfence.knowledge;

import static dev.keyfence.knowledge.ConsumerSourceDegradedTest.assertReason;
import static dev.keyfence.knowledge.ForgerySetup.CONSUMERS;
import static dev.keyfence.knowledge.ForgerySetup.ENTERPRISE_KEY;
import static dev.keyfence.knowledge.ForgerySetup.OTHER_CONSUMER_KEY;
import static dev.keyfence.knowledge.ForgerySetup.consumerJwk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.knowledge.ForgerySetup.FrontDoor;
import dev.keyfence.testkit.JwkSet;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key-scope control alone (every other control off) refuses the 2023 forgery when the
 * consumer source is down (fail closed) and when the consumer set leaves its key out.
 */
class ScopeFailClosedIsolationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void keyScopeAloneFailsClosedWhileTheConsumerSourceIsDown(FrontDoor door) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.respond(CONSUMERS, 503, "down");
            TokenValidator e = TokenValidator.create(s.policy(door).toBuilder()
                    .controls(java.util.Set.of(Control.KEY_SCOPE))
                    .build());

            assertReason(e.validate(s.forgery()), Reason.KEYS_UNAVAILABLE);
            assertReason(e.validate(s.enterprise(ENTERPRISE_KEY)), Reason.KEYS_UNAVAILABLE);
        }
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void keyScopeAloneRefusesAConsumerKeyLeftOutOfTheConsumerSet(FrontDoor door) {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(
                    CONSUMERS, JwkSet.of(consumerJwk().member("exp", "2030-01-01"), OTHER_CONSUMER_KEY.jwk()));
            TokenValidator e = TokenValidator.create(s.policy(door).toBuilder()
                    .controls(java.util.Set.of(Control.KEY_SCOPE))
                    .build());

            assertReason(e.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(e.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
        }
    }
}
