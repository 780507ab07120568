package dev.keyfence.ledger.jdbc;

import static dev.keyfence.ledger.jdbc.ForgeryPolicy.COMMON;
import static dev.keyfence.ledger.jdbc.ForgeryPolicy.CONSUMERS;
import static dev.keyfence.ledger.jdbc.ForgeryPolicy.CONSUMER_ISSUER;
import static dev.keyfence.ledger.jdbc.ForgeryPolicy.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on a real PostgreSQL: a validator learns that a key is a consumer key and stops; a new
 * validator on the same database, with the consumer source down and its remembered set past
 * {@code max-stale}, still refuses the 2023-shaped forgery for its scope, where a validator
 * without the ledger can only answer KEYS_UNAVAILABLE.
 */
class JdbcLedgerRestartTest {
    static final TestKey ENTERPRISE_KEY = TestKey.rsa("ent-1");
    static final TestKey CONSUMER_KEY = TestKey.rsa("msa-1");
    static Postgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = Postgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static TokenValidator validator(String base, KeyLedger ledger, MutableClock clock) {
        ValidationPolicy p = ForgeryPolicy.policy(base, ledger, clock);
        return TokenValidator.create(
                p.toBuilder().refreshExecutor(Runnable::run).build());
    }

    private static JdbcKeyLedger ledger(String url) {
        return JdbcKeyLedger.builder()
                .url(url)
                .username("postgres")
                .pollInterval(Duration.ofSeconds(1))
                .build();
    }

    static void assertReason(Verdict v, Reason reason) {
        assertThat(v)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class,
                        r -> assertThat(r.reason()).as(r.detail()).isEqualTo(reason));
    }

    @Test
    void aConsumerKeyLearnedBeforeARestartIsRefusedForItsScopeWhileTheConsumerSourceIsDown() throws Exception {
        String url = postgres.newDatabase();
        MutableClock clock = MutableClock.at("2023-06-16T10:00:00Z");
        try (JwksServer server = JwksServer.start()) {
            String base = server.uri("/").toString().replaceAll("/$", "");
            server.serveKeys(
                    COMMON,
                    JwkSet.of(
                            ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                            CONSUMER_KEY.jwk().member("issuer", TEMPLATE)));
            server.serveKeys(CONSUMERS, JwkSet.of(CONSUMER_KEY.jwk().member("issuer", CONSUMER_ISSUER)));
            String forgery = ForgeryPolicy.enterpriseToken(CONSUMER_KEY, clock.instant());

            JdbcKeyLedger first = ledger(url);
            TokenValidator before = validator(base, first, clock);
            assertReason(before.validate(forgery), Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(before.awaitLedgerWrites(Duration.ofSeconds(30))).isTrue();
            first.close();

            server.respond(CONSUMERS, 503, "down");
            clock.advance(Duration.ofDays(2)); // the remembered consumer set is past max-stale: knowledge alone
            String laterForgery = ForgeryPolicy.enterpriseToken(CONSUMER_KEY, clock.instant());

            try (JdbcKeyLedger second = ledger(url)) {
                TokenValidator after = validator(base, second, clock);
                assertReason(after.validate(laterForgery), Reason.KEY_SCOPE_NOT_ACCEPTED);
            }
            assertReason(validator(base, null, clock).validate(laterForgery), Reason.KEYS_UNAVAILABLE);
        }
    }
}
