package dev.keyfence.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerSnapshot;
import dev.keyfence.ledger.LedgerState;
import dev.keyfence.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerWriterTest {
    static final Instant T0 = LedgerRecords.T0;
    static final KeyRecord.Publisher CONSUMER = LedgerRecords.CONSUMER;

    @TempDir
    Path dir;

    /** A real ledger behind a test's own {@code append}: everything else goes to the real one. */
    abstract static class DelegatingLedger implements KeyLedger {
        final KeyLedger delegate;

        DelegatingLedger(KeyLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public LedgerSnapshot load() {
            return delegate.load();
        }

        @Override
        public Subscription subscribe(Listener listener) {
            return delegate.subscribe(listener);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** A real directory ledger whose appends wait at a gate, to show that callers never wait with them. */
    static final class GatedLedger extends DelegatingLedger {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        GatedLedger(KeyLedger delegate) {
            super(delegate);
        }

        @Override
        public void append(LedgerBatch batch) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("interrupted");
            }
            delegate.append(batch);
        }
    }

    /** A real directory ledger whose first append fails with a LedgerException that has no message. */
    static final class SilentOnceLedger extends DelegatingLedger {
        final AtomicInteger appends = new AtomicInteger();

        SilentOnceLedger(KeyLedger delegate) {
            super(delegate);
        }

        @Override
        public void append(LedgerBatch batch) {
            if (appends.getAndIncrement() == 0) {
                throw new LedgerException(null); // a third-party ledger may do this
            }
            delegate.append(batch);
        }
    }

    @Test
    void aLedgerFailureWithoutAMessageIsRetriedAndTheRevocationIsStored() throws Exception {
        try (SilentOnceLedger silent = new SilentOnceLedger(KeyLedgers.directory(dir))) {
            try (LedgerWriter writer =
                    new LedgerWriter(silent, MutableClock.at(T0), Duration.ofMillis(1), Duration.ofMillis(10), 100)) {
                writer.submit(LedgerBatch.of(KeyRecord.of("k").revoked(new KeyRecord.Action("alice", "leaked", T0))));
                // before the fix the writer thread died on Optional.of(null) and the batch was lost
                assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(silent.appends.get()).isEqualTo(2);
                assertThat(writer.state().status()).isEqualTo(LedgerState.Status.UP);
            }
        }
        try (KeyLedger after = KeyLedgers.directory(dir)) {
            assertThat(after.load().key("k").orElseThrow().revoked()).isTrue();
        }
    }

    @Test
    void submittingNeverWaitsForTheLedgerAndWaitingWorkIsMergedIntoOneWrite() throws Exception {
        GatedLedger gated = new GatedLedger(KeyLedgers.directory(dir));
        try (LedgerWriter writer =
                new LedgerWriter(gated, MutableClock.at(T0), Duration.ofMillis(1), Duration.ofMillis(10), 100)) {
            writer.submit(LedgerBatch.of(KeyRecord.of("a").seen("a", CONSUMER, T0)));
            assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue(); // the writer thread is stuck in append
            for (int i = 0; i < 50; i++) {
                writer.submit(LedgerBatch.of(KeyRecord.of("b").seen("b" + i, CONSUMER, T0.plusSeconds(i))));
            }
            // fifty sightings of b, one pending record; a, being stored, is pending until the ledger took it
            assertThat(writer.state().pendingKeys()).isEqualTo(2);
            gated.gate.countDown();
            assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
        }
        try (KeyLedger ledger = KeyLedgers.directory(dir)) {
            assertThat(ledger.load().key("b").orElseThrow().kids()).hasSize(50);
            assertThat(ledger.load().key("a")).isPresent();
        }
    }

    @Test
    void aRevocationWaitsOutALedgerOutageAndIsStoredWhenItIsBack() throws Exception {
        Path sub = dir.resolve("ledger");
        MutableClock clock = MutableClock.at(T0);
        try (KeyLedger ledger = KeyLedgers.directory(sub);
                LedgerWriter writer =
                        new LedgerWriter(ledger, clock, Duration.ofMillis(1), Duration.ofMillis(20), 100)) {
            Files.delete(sub);
            Files.writeString(sub, "the disk is gone"); // a real outage: every append fails
            writer.submit(LedgerBatch.of(KeyRecord.of("k").revoked(new KeyRecord.Action("alice", "leaked", T0))));
            assertThat(writer.flush(Duration.ofMillis(200))).isFalse();
            LedgerState down = awaitStatus(writer, LedgerState.Status.DOWN); // a loaded machine may not have tried yet
            assertThat(down.status()).isEqualTo(LedgerState.Status.DOWN);
            assertThat(down.pendingOperatorActions()).isEqualTo(1);
            assertThat(down.lastProblem().orElseThrow())
                    .contains("cannot append")
                    .doesNotContain("alice");
            assertThat(down.lastSuccess()).isEmpty();

            Files.delete(sub);
            Files.createDirectories(sub);
            assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
            LedgerState up = writer.state();
            assertThat(up.status()).isEqualTo(LedgerState.Status.UP);
            assertThat(up.pendingKeys()).isZero();
            assertThat(up.lastSuccess()).contains(T0);
        }
        try (KeyLedger after = KeyLedgers.directory(sub)) {
            assertThat(after.load().key("k").orElseThrow().revoked()).isTrue();
        }
    }

    @Test
    void pastTheBoundPlainObservationsAreDroppedAndCountedButRevocationsNever() throws Exception {
        GatedLedger gated = new GatedLedger(KeyLedgers.directory(dir));
        try (LedgerWriter writer =
                new LedgerWriter(gated, MutableClock.at(T0), Duration.ofMillis(1), Duration.ofMillis(10), 3)) {
            writer.submit(LedgerBatch.of(KeyRecord.of("first").seen("f", CONSUMER, T0)));
            assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                writer.submit(LedgerBatch.of(KeyRecord.of("seen" + i).seen("s", CONSUMER, T0)));
            }
            for (int i = 0; i < 10; i++) {
                writer.submit(LedgerBatch.of(
                        KeyRecord.of("revoked" + i).revoked(new KeyRecord.Action("alice", "leaked", T0))));
            }
            LedgerState state = writer.state();
            assertThat(state.droppedObservations()).isEqualTo(7);
            assertThat(state.pendingOperatorActions()).isEqualTo(10);
            gated.gate.countDown();
            assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
        }
        try (KeyLedger ledger = KeyLedgers.directory(dir)) {
            LedgerSnapshot s = ledger.load();
            for (int i = 0; i < 10; i++) {
                assertThat(s.key("revoked" + i).orElseThrow().revoked()).isTrue();
            }
            assertThat(s.keys().keySet().stream().filter(k -> k.startsWith("seen")))
                    .hasSize(3);
        }
    }

    @Test
    void aRevocationBeingStoredStillCountsAsPendingUntilTheLedgerHasTakenIt() throws Exception {
        GatedLedger gated = new GatedLedger(KeyLedgers.directory(dir));
        try (LedgerWriter writer =
                new LedgerWriter(gated, MutableClock.at(T0), Duration.ofMillis(1), Duration.ofMillis(10), 100)) {
            writer.submit(LedgerBatch.of(KeyRecord.of("k").revoked(new KeyRecord.Action("alice", "leaked", T0))));
            assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue(); // taken off the queue, not yet stored
            LedgerState storing = writer.state();
            assertThat(storing.pendingKeys()).isEqualTo(1);
            assertThat(storing.pendingOperatorActions()).isEqualTo(1);
            gated.gate.countDown();
            assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(writer.state().pendingOperatorActions()).isZero();
        }
    }

    @Test
    void closingStoresWhatIsPending() throws IOException {
        try (KeyLedger ledger = KeyLedgers.directory(dir)) {
            LedgerWriter writer =
                    new LedgerWriter(ledger, MutableClock.at(T0), Duration.ofMillis(1), Duration.ofMillis(10), 10);
            writer.submit(LedgerBatch.of(KeyRecord.of("k").revoked(new KeyRecord.Action("alice", "leaked", T0))));
            writer.close(Duration.ofSeconds(10));
            assertThat(ledger.load().key("k").orElseThrow().revoked()).isTrue();
        }
    }

    /** The writer's state once it reports {@code wanted}, or after 10 s; each round waits for its next attempt. */
    private static LedgerState awaitStatus(LedgerWriter writer, LedgerState.Status wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        LedgerState state = writer.state();
        while (state.status() != wanted && System.nanoTime() < deadline) {
            writer.flush(Duration.ofMillis(20));
            state = writer.state();
        }
        return state;
    }
}
