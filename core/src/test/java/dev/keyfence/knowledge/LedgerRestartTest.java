package dev.keyfence.knowledge;

import static dev.keyfence.knowledge.ForgerySetup.COMMON;
import static dev.keyfence.knowledge.ForgerySetup.CONSUMERS;
import static dev.keyfence.knowledge.ForgerySetup.CONSUMER_KEY;
import static dev.keyfence.knowledge.ForgerySetup.ENTERPRISE_KEY;
import static dev.keyfence.knowledge.ForgerySetup.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySourceListener;
import dev.keyfence.KeyState;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.knowledge.ForgerySetup.FrontDoor;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerState;
import dev.keyfence.posture.FindingCode;
import dev.keyfence.posture.PostureReport;
import dev.keyfence.posture.Severity;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: what a validator learns about keys outlives it through the embedded key ledger.
 * Each test runs a validator, stops it, and starts a new one on the same ledger directory; the
 * same steps without a ledger show the attack getting further (or through).
 */
class LedgerRestartTest {
    static final TestKey SECOND_ENTERPRISE_KEY = TestKey.rsa("ent-2");

    @TempDir
    Path dir;

    private Path ledgerDir() {
        return dir.resolve("ledger");
    }

    /** A validator on the setup's policy, with (or without, when null) a ledger; its reads run on the calling thread. */
    private static TokenValidator validator(
            ForgerySetup s, KeyLedger ledger, KeyPolicy keys, KeySourceListener listener) {
        ValidationPolicy.Builder b =
                s.policy(FrontDoor.CODE).toBuilder().clock(s.clock).listener(listener);
        if (ledger != null) {
            b.ledger(ledger);
        }
        if (keys != null) {
            b.keys(keys);
        }
        ValidationPolicy p = b.build();
        return TokenValidator.create(
                p.toBuilder().refreshExecutor(Runnable::run).build());
    }

    private static TokenValidator validator(ForgerySetup s, KeyLedger ledger) {
        return validator(s, ledger, null, KeySourceListener.NONE);
    }

    /** Waits until the validator's ledger holds everything it was handed (the "stop" of a validator). */
    private static void stop(TokenValidator e, KeyLedger ledger) throws InterruptedException {
        assertThat(e.awaitLedgerWrites(Duration.ofSeconds(30))).isTrue();
        ledger.close();
    }

    static void assertReason(Verdict v, Reason reason) {
        assertThat(v)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class,
                        r -> assertThat(r.reason()).as(r.detail()).isEqualTo(reason));
    }

    @Test
    void aConsumerKeyLearnedBeforeARestartIsRefusedForItsScopeWhileTheConsumerSourceIsDown()
            throws InterruptedException {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            KeyLedger first = KeyLedgers.directory(ledgerDir());
            TokenValidator before = validator(s, first);
            assertReason(before.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            stop(before, first);

            // the consumer source is down at restart, and its remembered set is past max-stale: only knowledge is left
            s.server.respond(CONSUMERS, 503, "down");
            s.clock.advance(Duration.ofDays(2));

            try (KeyLedger second = KeyLedgers.directory(ledgerDir())) {
                TokenValidator after = validator(s, second);
                Verdict v = after.validate(s.forgery());
                assertReason(v, Reason.KEY_SCOPE_NOT_ACCEPTED);
                assertThat(((Verdict.Rejected) v).keyScope()).contains("consumer");
            }
            // without the ledger the restart forgot: the resource can only fail closed
            assertReason(validator(s, null).validate(s.forgery()), Reason.KEYS_UNAVAILABLE);
        }
    }

    @Test
    void theRememberedConsumerSetServesWithinMaxStaleSoLegitimateTokensPassWhileTheSourceIsDown()
            throws InterruptedException {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            KeyLedger first = KeyLedgers.directory(ledgerDir());
            TokenValidator before = validator(s, first);
            assertThat(before.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            stop(before, first);

            s.server.respond(CONSUMERS, 503, "down");
            s.clock.advance(Duration.ofHours(1)); // within refresh-interval + max-stale of the stored read

            try (KeyLedger second = KeyLedgers.directory(ledgerDir())) {
                TokenValidator after = validator(s, second);
                assertThat(after.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
                assertReason(after.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);

                // the stored read is now past max-stale; a key first seen after it cannot be told apart: fail closed
                s.server
                        .remove(COMMON)
                        .serveKeys(
                                COMMON,
                                JwkSet.of(
                                        ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                                        SECOND_ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                                        CONSUMER_KEY.jwk().member("issuer", TEMPLATE)));
                s.clock.advance(Duration.ofHours(24));
                assertReason(after.validate(s.enterprise(SECOND_ENTERPRISE_KEY)), Reason.KEYS_UNAVAILABLE);
                assertReason(after.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
                // a key first seen (by the ledger) before the remembered consumer set was read is known to lie outside
                // it
                assertThat(after.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            }
            assertReason(validator(s, null).validate(s.enterprise(ENTERPRISE_KEY)), Reason.KEYS_UNAVAILABLE);
        }
    }

    @Test
    void theFirstSightingInTheLedgerSurvivesARestartSoAnOldKeyIsTooOld() throws InterruptedException {
        KeyPolicy maxAge = KeyPolicy.builder().maxAge(Duration.ofDays(365)).build();
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            KeyLedger first = KeyLedgers.directory(ledgerDir());
            TokenValidator before = validator(s, first, maxAge, KeySourceListener.NONE);
            assertThat(before.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            stop(before, first);

            s.clock.advance(Duration.ofDays(400)); // a pod restarted daily would never see the key as old

            try (KeyLedger second = KeyLedgers.directory(ledgerDir())) {
                Verdict v = validator(s, second, maxAge, KeySourceListener.NONE).validate(s.enterprise(ENTERPRISE_KEY));
                assertReason(v, Reason.KEY_TOO_OLD);
                assertThat(((Verdict.Rejected) v).detail()).contains("first sighting");
            }
            assertThat(validator(s, null, maxAge, KeySourceListener.NONE)
                            .validate(s.enterprise(ENTERPRISE_KEY))
                            .valid())
                    .isTrue();
        }
    }

    @Test
    void aRetiredKeyPublishedAgainStaysRetiredAfterARestartUntilAnOperatorReinstatesIt() throws InterruptedException {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            JwkSet both = JwkSet.of(
                    ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                    SECOND_ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                    CONSUMER_KEY.jwk().member("issuer", TEMPLATE));
            JwkSet withoutSecond = JwkSet.of(
                    ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                    CONSUMER_KEY.jwk().member("issuer", TEMPLATE));
            s.server.remove(COMMON).serveKeys(COMMON, both);
            KeyLedger first = KeyLedgers.directory(ledgerDir());
            TokenValidator before = validator(s, first);
            assertThat(before.validate(s.enterprise(SECOND_ENTERPRISE_KEY)).valid())
                    .isTrue();

            s.server.remove(COMMON).serveKeys(COMMON, withoutSecond);
            s.clock.advance(Duration.ofMinutes(6)); // past refresh-interval: the next token refreshes
            assertThat(before.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            assertReason(before.validate(s.enterprise(SECOND_ENTERPRISE_KEY)), Reason.KEY_RETIRED);
            stop(before, first);

            s.server
                    .remove(COMMON)
                    .serveKeys(COMMON, both); // published again, as an attacker with the old key would hope
            s.clock.advance(Duration.ofMinutes(6));
            List<String> republished = new CopyOnWriteArrayList<>();
            KeySourceListener events = new KeySourceListener() {
                @Override
                public void keyRepublished(String source, String kid) {
                    republished.add(source + " " + kid);
                }
            };
            try (KeyLedger second = KeyLedgers.directory(ledgerDir())) {
                TokenValidator after = validator(s, second, null, events);
                assertReason(after.validate(s.enterprise(SECOND_ENTERPRISE_KEY)), Reason.KEY_RETIRED);
                assertThat(after.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
                assertThat(republished).containsExactly("enterprise ent-2");

                CountDownLatch reinstated = awaitBatch(second, b -> b.hasOperatorAction());
                try (KeyLedger operator = KeyLedgers.directory(ledgerDir())) { // the CLI, in another process
                    operator.reinstate(
                            SECOND_ENTERPRISE_KEY.thumbprint(),
                            new KeyRecord.Action("alice", "rotation rolled back", s.clock.instant()));
                }
                assertThat(reinstated.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(after.validate(s.enterprise(SECOND_ENTERPRISE_KEY)).valid())
                        .isTrue();
            }
            // without the ledger, the restart forgot the retirement
            assertThat(validator(s, null)
                            .validate(s.enterprise(SECOND_ENTERPRISE_KEY))
                            .valid())
                    .isTrue();
        }
    }

    @Test
    void auditReportsARepublishedKeyAndTheLedgersState() throws InterruptedException {
        try (ForgerySetup s = new ForgerySetup(dir);
                KeyLedger ledger = KeyLedgers.directory(ledgerDir())) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            s.server
                    .remove(COMMON)
                    .serveKeys(
                            COMMON,
                            JwkSet.of(
                                    ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                                    SECOND_ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE),
                                    CONSUMER_KEY.jwk().member("issuer", TEMPLATE)));
            Instant earlier = s.clock.instant().minus(Duration.ofDays(3));
            ledger.append(LedgerBatch.of(KeyRecord.of(SECOND_ENTERPRISE_KEY.thumbprint())
                    .seen("ent-2", new KeyRecord.Publisher("enterprise", TEMPLATE, "enterprise"), earlier)
                    .removed(earlier.plus(Duration.ofDays(1)))));
            List<String> republished = new CopyOnWriteArrayList<>();
            TokenValidator validator = TokenValidator.create(s.policy(FrontDoor.CODE).toBuilder()
                    .clock(s.clock)
                    .ledger(ledger)
                    .listener(new KeySourceListener() {
                        @Override
                        public void keyRepublished(String source, String kid) {
                            republished.add(source + " " + kid);
                        }
                    })
                    .build());

            PostureReport report = PostureReport.of(validator);
            assertThat(report.findings())
                    .filteredOn(f -> f.code() == FindingCode.KEY_REPUBLISHED)
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.HIGH);
                        assertThat(f.kid()).contains("ent-2");
                    });
            assertThat(validator.keyStatuses())
                    .filteredOn(k -> k.kid().equals(java.util.Optional.of("ent-2")))
                    .allSatisfy(k -> assertThat(k.state()).isEqualTo(KeyState.RETIRED));
            assertThat(report.ledger())
                    .hasValueSatisfying(l -> assertThat(l.status()).isEqualTo(LedgerState.Status.UP));
            assertThat(republished).containsExactly("enterprise ent-2");
            assertReason(validator.validate(s.enterprise(SECOND_ENTERPRISE_KEY)), Reason.KEY_RETIRED);
            assertThat(validator.awaitLedgerWrites(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void aRevocationStoredByAnotherInstanceIsAppliedAndOneMadeHereIsStored() throws InterruptedException {
        try (ForgerySetup s = new ForgerySetup(dir);
                KeyLedger ledger = KeyLedgers.directory(ledgerDir())) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            TokenValidator validator = validator(s, ledger);
            assertThat(validator.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();

            CountDownLatch revoked = awaitBatch(ledger, LedgerBatch::hasOperatorAction);
            try (KeyLedger other = KeyLedgers.directory(ledgerDir())) {
                other.revoke(ENTERPRISE_KEY.thumbprint(), new KeyRecord.Action("bob", "key leaked", s.clock.instant()));
            }
            assertThat(revoked.await(30, TimeUnit.SECONDS)).isTrue();
            Verdict v = validator.validate(s.enterprise(ENTERPRISE_KEY));
            assertReason(v, Reason.KEY_REVOKED);
            assertThat(((Verdict.Rejected) v).detail()).contains("key ledger by bob");

            // a run-time revocation by kid is recorded for the key material it names
            validator.revoke(dev.keyfence.KeyReference.kid("msa-1"), "carol", "consumer key in enterprise set");
            assertThat(validator.awaitLedgerWrites(Duration.ofSeconds(30))).isTrue();
            try (KeyLedger reader = KeyLedgers.directory(ledgerDir())) {
                KeyRecord r = reader.load().key(CONSUMER_KEY.thumbprint()).orElseThrow();
                assertThat(r.revoked()).isTrue();
                assertThat(r.latestRevocation().orElseThrow().actor()).isEqualTo("carol");
                assertThat(r.scopes()).containsExactlyInAnyOrder("enterprise", "consumer");
            }
            assertThat(validator.ledgerState().orElseThrow().status()).isEqualTo(LedgerState.Status.UP);
        }
    }

    @Test
    void aLedgerThatCannotBeReadLeavesValidationFromMemoryAndIsReportedDown() throws Exception {
        try (ForgerySetup s = new ForgerySetup(dir)) {
            s.server.serveKeys(CONSUMERS, ForgerySetup.goodConsumerSet());
            KeyLedger broken = new KeyLedger() {
                @Override
                public dev.keyfence.ledger.LedgerSnapshot load() {
                    throw new dev.keyfence.ledger.LedgerException("ledger test: unreachable");
                }

                @Override
                public void append(LedgerBatch batch) {
                    throw new dev.keyfence.ledger.LedgerException("ledger test: unreachable");
                }

                @Override
                public Subscription subscribe(Listener listener) {
                    throw new dev.keyfence.ledger.LedgerException("ledger test: unreachable");
                }

                @Override
                public String describe() {
                    return "test ledger";
                }

                @Override
                public void close() {}
            };
            TokenValidator validator = validator(s, broken);
            assertReason(validator.validate(s.forgery()), Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(validator.validate(s.enterprise(ENTERPRISE_KEY)).valid()).isTrue();
            LedgerState state = validator.ledgerState().orElseThrow();
            assertThat(state.status()).isEqualTo(LedgerState.Status.DOWN);
            assertThat(state.lastProblem())
                    .hasValueSatisfying(p -> assertThat(p).contains("unreachable"));
        }
    }

    /** A latch opened when the ledger delivers a matching batch to this (later) subscriber, after the validator's. */
    private static CountDownLatch awaitBatch(KeyLedger ledger, Predicate<LedgerBatch> match) {
        CountDownLatch latch = new CountDownLatch(1);
        ledger.subscribe(batch -> {
            if (match.test(batch)) {
                latch.countDown();
            }
        });
        return latch;
    }
}
