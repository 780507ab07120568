package dev.keyfence.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.LedgerException;
import dev.keyfence.ledger.LedgerSnapshot;
import dev.keyfence.ledger.SourceKeySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLedgerTest {
    static final Instant T0 = LedgerRecords.T0;
    static final String JKT = LedgerRecords.JKT;

    @TempDir
    Path dir;

    @Test
    void whatOneInstanceStoredIsKnownToTheNextAfterARestart() {
        try (KeyLedger first = KeyLedgers.directory(dir)) {
            first.append(LedgerBatch.of(KeyRecord.of(JKT).seen("k1", LedgerRecords.CONSUMER, T0)));
            first.append(LedgerBatch.of(new SourceKeySet("consumer", "{\"keys\":[]}", T0)));
            first.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0.plusSeconds(1)));
        }
        try (KeyLedger second = KeyLedgers.directory(dir)) {
            LedgerSnapshot s = second.load();
            assertThat(s.key(JKT).orElseThrow().scopes()).containsExactly("consumer");
            assertThat(s.key(JKT).orElseThrow().firstSeen()).contains(T0);
            assertThat(s.key(JKT).orElseThrow().revoked()).isTrue();
            assertThat(s.source("consumer").orElseThrow().readAt()).isEqualTo(T0);
            assertThat(second.describe())
                    .isEqualTo("directory " + dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void aTornTailIsIgnoredOnReadAndCutOffByTheNextWriter() throws IOException {
        try (KeyLedger ledger = KeyLedgers.directory(dir)) {
            ledger.append(LedgerBatch.of(KeyRecord.of(JKT).seen("k1", LedgerRecords.CONSUMER, T0)));
        }
        Path log = dir.resolve("ledger.log");
        long good = Files.size(log);
        // a writer killed mid-write: a header announcing 500 bytes, then only part of them
        byte[] torn = new byte[12 + 40];
        java.nio.ByteBuffer.wrap(torn).putInt(0x4B464C31).putInt(500).putInt(42);
        Files.write(log, torn, StandardOpenOption.APPEND);
        try (KeyLedger reader = KeyLedgers.directory(dir)) {
            assertThat(reader.load().key(JKT).orElseThrow().scopes()).containsExactly("consumer");
            reader.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0));
        }
        assertThat(Files.size(log)).isGreaterThan(good);
        try (KeyLedger after = KeyLedgers.directory(dir)) {
            KeyRecord r = after.load().key(JKT).orElseThrow();
            assertThat(r.revoked()).isTrue();
            assertThat(r.scopes()).containsExactly("consumer");
        }
    }

    @Test
    void aRecordWithABadChecksumEndsWhatIsRead() throws IOException {
        try (KeyLedger ledger = KeyLedgers.directory(dir)) {
            ledger.append(LedgerBatch.of(KeyRecord.of(JKT).seen("k1", LedgerRecords.CONSUMER, T0)));
            ledger.append(LedgerBatch.of(KeyRecord.of(JKT).seen("k1", LedgerRecords.COMMON, T0)));
        }
        Path log = dir.resolve("ledger.log");
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length - 3] ^= 0x01; // flip a bit in the last record's payload
        Files.write(log, bytes);
        try (KeyLedger reader = KeyLedgers.directory(dir)) {
            assertThat(reader.load().key(JKT).orElseThrow().scopes()).containsExactly("consumer");
        }
    }

    @Test
    void aChecksumValidRecordOfAnUnknownFormatIsAnErrorNotSilence() throws IOException {
        byte[] payload = "{\"v\":99}".getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(payload);
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(12 + payload.length);
        frame.putInt(0x4B464C31)
                .putInt(payload.length)
                .putInt((int) crc.getValue())
                .put(payload);
        Files.createDirectories(dir);
        Files.write(dir.resolve("ledger.log"), frame.array());
        try (KeyLedger reader = KeyLedgers.directory(dir)) {
            assertThatThrownBy(reader::load)
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("record at byte 0")
                    .hasMessageContaining("unknown format version");
        }
    }

    @Test
    void aDirectoryThatCannotBeUsedIsAConfigurationErrorNamingTheSetting() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> KeyLedgers.directory(file))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).setting())
                .isEqualTo("ledger.directory");
        assertThatThrownBy(() -> KeyLedgers.directory(file.resolve("below")))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).setting())
                .isEqualTo("ledger.directory");
    }

    @Test
    void aWriteFailsLoudlyWhenTheDirectoryIsGoneAndWorksWhenItIsBack() throws IOException {
        Path sub = dir.resolve("ledger");
        try (KeyLedger ledger = KeyLedgers.directory(sub)) {
            Files.delete(sub);
            Files.writeString(sub, "in the way");
            assertThatThrownBy(() -> ledger.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0)))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("cannot append");
            Files.delete(sub);
            Files.createDirectories(sub);
            ledger.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0));
            assertThat(ledger.load().key(JKT).orElseThrow().revoked()).isTrue();
        }
    }

    @Test
    void twoInstancesOnOneDirectorySeeEachOthersWritesThroughTheirSubscriptions() throws Exception {
        try (DirectoryLedger a = DirectoryLedger.open(dir, Duration.ofMillis(20));
                DirectoryLedger b = DirectoryLedger.open(dir, Duration.ofMillis(20))) {
            CountDownLatch seenByB = new CountDownLatch(1);
            b.subscribe(batch ->
                    batch.keys().stream().filter(KeyRecord::revoked).findAny().ifPresent(r -> seenByB.countDown()));
            a.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0));
            assertThat(seenByB.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(b.load().key(JKT).orElseThrow().revoked()).isTrue();
            b.reinstate(JKT, new KeyRecord.Action("bob", "rotated and checked", T0.plusSeconds(5)));
            assertThat(a.load().key(JKT).orElseThrow().revoked()).isFalse();
        }
    }

    @Test
    void compactionKeepsEverythingKnownAndAnotherInstanceFollowsTheNewLog() throws Exception {
        try (DirectoryLedger writer = DirectoryLedger.open(dir, Duration.ofMillis(20), 4096);
                DirectoryLedger reader = DirectoryLedger.open(dir, Duration.ofMillis(20))) {
            for (int i = 0; i < 60; i++) {
                writer.append(LedgerBatch.of(
                        KeyRecord.of(JKT).seen("k" + (i % 3), LedgerRecords.CONSUMER, T0.plusSeconds(i))));
                if (i == 10) {
                    assertThat(reader.load().key(JKT)).isPresent(); // the reader is now part-way into the old log
                }
            }
            writer.revoke("other", new KeyRecord.Action("alice", "leaked", T0));
            long compacted = Files.size(dir.resolve("ledger.log"));
            assertThat(compacted)
                    .as("compacted: one record per key, not one per write")
                    .isLessThan(4096);

            CountDownLatch seen = new CountDownLatch(1);
            reader.subscribe(batch -> batch.keys().stream()
                    .filter(r -> r.thumbprint().equals("late") && r.revoked())
                    .findAny()
                    .ifPresent(r -> seen.countDown()));
            writer.compact();
            writer.revoke("late", new KeyRecord.Action("alice", "after compaction", T0));
            assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();

            LedgerSnapshot s = reader.load();
            KeyRecord r = s.key(JKT).orElseThrow();
            assertThat(r.kids()).containsExactlyInAnyOrder("k0", "k1", "k2");
            assertThat(r.firstSeen()).contains(T0);
            assertThat(r.lastSeen()).contains(T0.plusSeconds(59));
            assertThat(s.key("other").orElseThrow().revoked()).isTrue();
            assertThat(s).isEqualTo(writer.load());
        }
        try (KeyLedger fresh = KeyLedgers.directory(dir)) {
            assertThat(fresh.load().key("late").orElseThrow().revoked()).isTrue();
        }
    }

    @Test
    void aNewLedgerIsReadableAndWritableByItsOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix"));
        Path sub = dir.resolve("fresh");
        try (KeyLedger ledger = KeyLedgers.directory(sub)) {
            ledger.revoke(JKT, new KeyRecord.Action("alice", "leaked", T0));
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(sub.resolve("ledger.log"))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(sub.resolve("ledger.lock"))))
                .isEqualTo("rw-------");
    }
}
