package dev.keyfence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.posture.Finding;
import dev.keyfence.posture.FindingCode;
import dev.keyfence.posture.PostureReport;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Finding 6 of issue 14 (URLs): a key-set URL carrying credentials in its user-info and query is
 * printed with scheme, host, port and path only, in rejection details, logs, source statuses
 * and audit findings.
 */
class UrlRedactionTest {
    private static final String SECRET_USER = "alice-user";
    private static final String SECRET_PASSWORD = "hunter2-password";
    private static final String SECRET_QUERY = "api-key-0123456789";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void credentialsInTheKeySetUrlAreNeverPrinted() {
        try (JwksServer server = JwksServer.start()) {
            server.respond("/keys", 503, "down");
            server.respond("/consumer", 503, "down");
            String base = "http://" + SECRET_USER + ":" + SECRET_PASSWORD + "@127.0.0.1:" + server.port();
            String yaml = "issuers:\n"
                    + "  - name: idp\n    issuer: \"https://idp.example.test\"\n"
                    + "    jwks-uri: \"" + base + "/keys?api-key=" + SECRET_QUERY + "\"\n    key-scope: enterprise\n"
                    + "  - name: consumer\n    issuer: \"https://consumer.example.test\"\n"
                    + "    jwks-uri: \"" + base + "/consumer?api-key=" + SECRET_QUERY + "\"\n    key-scope: consumer\n"
                    + "resource:\n  audiences: [\"api://x\"]\n  accepted-key-scopes: [enterprise]\n"
                    + "jwks:\n  allow-http-loopback: true\n";
            ValidationPolicy policy = KeyfenceConfig.parse(yaml, dir).policy().toBuilder()
                    .clock(MutableClock.at("2025-01-15T10:00:00Z"))
                    .build();
            TokenValidator validator = TokenValidator.create(policy);

            Verdict v = validator.validate(Tokens.accessToken(
                            "https://idp.example.test",
                            "api://x",
                            policy.clock().instant())
                    .signedWith(TestKey.rsa("k1")));
            List<String> printed = new ArrayList<>();
            assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
                assertThat(r.detail()).contains("http://127.0.0.1:" + server.port() + "/keys");
                printed.add(r.detail());
            });
            for (SourceStatus s : validator.sourceStatuses()) {
                printed.add(s.location());
                s.problem().ifPresent(printed::add);
                printed.add(s.toString());
            }
            PostureReport report = PostureReport.of(validator);
            assertThat(report.findings())
                    .extracting(Finding::code)
                    .contains(
                            FindingCode.ISSUER_UNREACHABLE,
                            FindingCode.INSECURE_KEY_TRANSPORT,
                            FindingCode.SCOPE_KNOWLEDGE_MISSING);
            report.findings().forEach(f -> printed.add(f.message()));
            policy.issuers().forEach(i -> {
                printed.add(i.keySource().describe());
                printed.add(i.keySource().toString());
            });
            logged().forEach(e -> printed.add(e.getFormattedMessage()));

            assertThat(printed)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line)
                            .doesNotContain(SECRET_USER)
                            .doesNotContain(SECRET_PASSWORD)
                            .doesNotContain(SECRET_QUERY));
        }
    }

    /** What was logged so far: a copy taken under the appender's lock (refresh threads log concurrently). */
    private List<ILoggingEvent> logged() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }
}
