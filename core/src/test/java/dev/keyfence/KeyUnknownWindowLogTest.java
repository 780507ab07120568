package dev.keyfence;

import static dev.keyfence.KeyLifecycleSetup.AUDIENCE;
import static dev.keyfence.KeyLifecycleSetup.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.KeyLifecycleSetup.FrontDoor;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One warning per key whose window is unknown, however often it is used; none for keys with a window. */
class KeyUnknownWindowLogTest {
    private static final Instant NOW = Instant.parse("2023-05-15T09:30:00Z");

    @TempDir
    Path dir;

    @Test
    void warnsOncePerKeyWithoutWindow() {
        TestKey bare = TestKey.rsa("bare-key");
        TestKey certified = TestKey.rsa("certified-key");
        Logger logger = (Logger) LoggerFactory.getLogger("dev.keyfence.internal.keys.KeyRegistry");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            KeyLifecycleSetup setup = KeyLifecycleSetup.in(
                    dir,
                    JwkSet.of(
                            bare.jwk(),
                            certified
                                    .jwk()
                                    .certificate(
                                            Instant.parse("2023-01-01T00:00:00Z"),
                                            Instant.parse("2025-01-01T00:00:00Z"))));
            TokenValidator v = TokenValidator.create(setup.policy(FrontDoor.CODE, MutableClock.at(NOW)));
            for (int i = 0; i < 3; i++) {
                assertThat(v.validate(Tokens.accessToken(ISSUER, AUDIENCE, NOW).signedWith(bare))
                                .valid())
                        .isTrue();
                assertThat(v.validate(Tokens.accessToken(ISSUER, AUDIENCE, NOW).signedWith(certified))
                                .valid())
                        .isTrue();
            }
            v.keyStatuses();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .filteredOn(e -> e.getFormattedMessage().contains("no validity window"))
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement()
                .asString()
                .contains("bare-key");
    }
}
