package dev.keyfence.internal.ledger;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A second process on a ledger directory, started by the tests with the test class path.
 * {@code write DIR}: appends numbered keys forever, printing {@code ack N} after each returned
 * append. {@code watch DIR}: prints {@code revoked JKT} for every revocation it sees, and revokes
 * each thumbprint read from standard input.
 */
public final class LedgerChild {
    private LedgerChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[1]);
        if (args[0].equals("write")) {
            try (KeyLedger ledger = DirectoryLedger.open(dir, Duration.ofMillis(50))) {
                for (int i = 0; ; i++) {
                    ledger.append(LedgerBatch.of(KeyRecord.of(thumbprint(i))
                            .seen(
                                    "k" + i,
                                    new KeyRecord.Publisher("child", "https://issuer.test", "consumer"),
                                    Instant.EPOCH.plusSeconds(i))));
                    out.println("ack " + i);
                }
            }
        }
        try (KeyLedger ledger = DirectoryLedger.open(dir, Duration.ofMillis(20))) {
            ledger.subscribe(batch -> {
                for (KeyRecord r : batch.keys()) {
                    if (r.revoked()) {
                        out.println("revoked " + r.thumbprint());
                    }
                }
            });
            out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ledger.revoke(line.trim(), new KeyRecord.Action("child", "seen by the other process", Instant.now()));
            }
        }
    }

    static String thumbprint(int i) {
        return "key" + i;
    }
}
