package dev.keyfence.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerSnapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real second processes on one ledger directory: one killed with kill -9 mid-writes, one watching. */
class DirectoryLedgerProcessTest {
    @TempDir
    Path dir;

    static Process child(String mode, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), LedgerChild.class.getName(), mode, dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Process writer = child("write", dir);
        List<Integer> acked = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && acked.size() < 200; line = out.readLine()) {
                acked.add(Integer.parseInt(line.substring("ack ".length())));
            }
            writer.toHandle().destroyForcibly(); // SIGKILL while the child is appending; its pipe stays readable
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                acked.add(Integer.parseInt(line.substring("ack ".length())));
            }
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(200);
        try (KeyLedger after = KeyLedgers.directory(dir)) {
            LedgerSnapshot s = after.load();
            for (int i : acked) {
                assertThat(s.key(LedgerChild.thumbprint(i)))
                        .as("acknowledged write %d", i)
                        .isPresent();
            }
            // the ledger stays writable after the crash
            after.revoke(LedgerChild.thumbprint(0), new KeyRecord.Action("alice", "after the crash", Instant.now()));
        }
        try (KeyLedger again = KeyLedgers.directory(dir)) {
            assertThat(again.load().key(LedgerChild.thumbprint(0)).orElseThrow().revoked())
                    .isTrue();
        }
    }

    @Test
    void twoProcessesSharingADirectorySeeEachOthersRevocations() throws Exception {
        Process other = child("watch", dir);
        try (KeyLedger ledger =
                        dev.keyfence.internal.ledger.DirectoryLedger.open(dir, java.time.Duration.ofMillis(20));
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("ready");
            CountDownLatch seenHere = new CountDownLatch(1);
            ledger.subscribe(batch -> batch.keys().stream()
                    .filter(r -> r.thumbprint().equals("fromChild") && r.revoked())
                    .findAny()
                    .ifPresent(r -> seenHere.countDown()));

            ledger.revoke("fromParent", new KeyRecord.Action("alice", "leaked", Instant.now()));
            assertThat(out.readLine()).isEqualTo("revoked fromParent");

            in.write("fromChild\n");
            in.flush();
            assertThat(seenHere.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ledger.load()
                            .key("fromChild")
                            .orElseThrow()
                            .latestRevocation()
                            .orElseThrow()
                            .actor())
                    .isEqualTo("child");
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
