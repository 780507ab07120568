package dev.keyfence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.ConfigurationException;
import dev.keyfence.KeySource;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A flood of bad tokens cannot flood the audit log: at most {@code audit-lines-per-second}
 * rejected tokens are logged a line each per second; the rest are counted by reason in one WARN
 * line written with the next second's first rejection. Accepted tokens are never held back.
 */
class AuditFloodTest {
    private static final String ISS = "https://login.example.test/audit";
    private static final String AUD = "api://audit";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final TestKey KEY = TestKey.rsa("audit-key");

    private static ValidationPolicy.Builder policy(MutableClock clock) {
        return ValidationPolicy.builder()
                .clock(clock)
                .issuer(TrustedIssuer.builder()
                        .name("audit")
                        .issuer(ISS)
                        .keySource(KeySource.jwks(JwkSet.of(KEY).toJson()))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(AUD)
                        .acceptedKeyScopes("enterprise")
                        .build());
    }

    @Test
    void aFloodIsLoggedUpToTheBoundAndCountedByReason() {
        MutableClock clock = MutableClock.at(NOW);
        TokenValidator v =
                TokenValidator.create(policy(clock).auditLinesPerSecond(5).build());
        String unknownKid = Tokens.accessToken(ISS, AUD, NOW).kid("no-such-key").signedWith(TestKey.rsa("other"));
        List<ILoggingEvent> lines = captured(log -> {
            for (int i = 0; i < 40; i++) {
                assertThat(((Verdict.Rejected) v.validate(i % 2 == 0 ? "garbage" : unknownKid)).reason())
                        .isEqualTo(i % 2 == 0 ? Reason.MALFORMED_TOKEN : Reason.KEY_NOT_FOUND);
            }
            assertThat(v.validate(Tokens.accessToken(ISS, AUD, NOW).signedWith(KEY))
                            .valid())
                    .isTrue();
            assertThat(log.list).hasSize(5).allMatch(e -> e.getLevel() == Level.INFO);
            clock.advance(Duration.ofMillis(999));
            v.validate("garbage");
            assertThat(log.list).hasSize(5); // still the same second
            clock.advance(Duration.ofMillis(1));
            v.validate(unknownKid);
        });
        assertThat(lines).hasSize(7);
        ILoggingEvent summary = lines.get(5);
        assertThat(summary.getLevel()).isEqualTo(Level.WARN);
        assertThat(summary.getFormattedMessage())
                .contains("36 more rejected tokens not logged")
                .contains("audit-lines-per-second 5")
                .contains("MALFORMED_TOKEN 18")
                .contains("KEY_NOT_FOUND 18")
                .contains(NOW.toString());
        assertThat(lines.get(6).getFormattedMessage()).contains("rejected: KEY_NOT_FOUND");
        assertThat(lines).noneMatch(e -> e.getFormattedMessage().contains("eyJ"));
    }

    @Test
    void withoutAFloodEveryRejectionIsLoggedAndNoSummaryIsWritten() {
        MutableClock clock = MutableClock.at(NOW);
        TokenValidator v = TokenValidator.create(policy(clock).build());
        List<ILoggingEvent> lines = captured(log -> {
            for (int i = 0; i < ValidationPolicy.DEFAULT_AUDIT_LINES_PER_SECOND; i++) {
                v.validate("garbage");
            }
            clock.advance(Duration.ofSeconds(5));
            v.validate("garbage");
        });
        assertThat(lines).hasSize(ValidationPolicy.DEFAULT_AUDIT_LINES_PER_SECOND + 1);
        assertThat(lines).allMatch(e -> e.getLevel() == Level.INFO);
    }

    @Test
    void aClockSetBackStartsANewSecond() {
        MutableClock clock = MutableClock.at(NOW);
        TokenValidator v =
                TokenValidator.create(policy(clock).auditLinesPerSecond(1).build());
        List<ILoggingEvent> lines = captured(log -> {
            v.validate("garbage");
            v.validate("garbage");
            clock.set(NOW.minusSeconds(3600));
            v.validate("garbage");
        });
        assertThat(lines).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN, Level.INFO);
    }

    @Test
    void theBoundIsASettingOfTheFileAndTheBuilderNamedWhenWrong(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keys.json"), JwkSet.of(KEY).toJson());
        String yaml = "issuers:\n  - name: audit\n    issuer: \"" + ISS + "\"\n    jwks-file: keys.json\n"
                + "    key-scope: enterprise\n"
                + "resource:\n  audiences: [\"" + AUD
                + "\"]\n  accepted-key-scopes: [enterprise]\naudit-lines-per-second: 7\n";
        assertThat(KeyfenceConfig.parse(yaml, dir).policy().auditLinesPerSecond())
                .isEqualTo(7);
        assertThatThrownBy(() -> KeyfenceConfig.parse(yaml.replace(": 7", ": 0"), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("audit-lines-per-second");
        assertThatThrownBy(() -> ValidationPolicy.builder().auditLinesPerSecond(100_001))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("audit-lines-per-second");
        assertThat(ValidationPolicy.DEFAULT_AUDIT_LINES_PER_SECOND).isEqualTo(100);
    }

    private static List<ILoggingEvent> captured(Consumer<ListAppender<ILoggingEvent>> body) {
        Logger audit = (Logger) LoggerFactory.getLogger("dev.keyfence.audit");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level level = audit.getLevel();
        audit.setLevel(Level.INFO);
        appender.start();
        audit.addAppender(appender);
        try {
            body.accept(appender);
            return List.copyOf(appender.list);
        } finally {
            audit.setLevel(level);
            audit.detachAppender(appender);
        }
    }
}
