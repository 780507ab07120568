package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A drill's minted attacks are not attacks on the service: nothing reaches the audit log (which
 * feeds alerting), and no log line carries a token; a real validator's rejection still does log.
 */
class DrillAuditSilenceTest {

    @Test
    void drillWritesNoAuditEventAndNoToken() {
        Logger audit = (Logger) LoggerFactory.getLogger("dev.keyfence.audit");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> auditEvents = new ListAppender<>();
        ListAppender<ILoggingEvent> all = new ListAppender<>();
        ch.qos.logback.classic.Level level = audit.getLevel();
        audit.setLevel(ch.qos.logback.classic.Level.DEBUG);
        auditEvents.start();
        all.start();
        audit.addAppender(auditEvents);
        root.addAppender(all);
        try {
            KeyfenceConfig config = KeyfenceConfig.load(Path.of("src/test/resources/drill/keyfence-replay.yaml"));

            DrillReport report = Drill.builder().config(config).build().run();

            assertThat(report.results()).hasSizeGreaterThan(15);
            assertThat(auditEvents.list).isEmpty();
            assertThat(all.list).noneMatch(e -> e.getFormattedMessage().contains("eyJ"));

            TokenValidator.create(config.policy()).validate("not.a.token");
            assertThat(auditEvents.list).hasSize(1);
        } finally {
            audit.setLevel(level);
            audit.detachAppender(auditEvents);
            root.detachAppender(all);
        }
    }
}
