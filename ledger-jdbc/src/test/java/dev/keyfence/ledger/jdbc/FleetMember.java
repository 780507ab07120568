package dev.keyfence.ledger.jdbc;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of a fleet, in its own JVM, on a shared PostgreSQL ledger (args: JDBC URL). Prints
 * {@code ready} once it listens, {@code seen JKT MILLIS} when it first learns of a revocation,
 * and for each {@code revoke JKT} line on standard input prints {@code sent JKT MILLIS} and revokes.
 * The poll interval is ten minutes, so that what arrives in time arrived by NOTIFY.
 */
public final class FleetMember {
    private FleetMember() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (JdbcKeyLedger ledger = JdbcKeyLedger.builder()
                .url(args[0])
                .username("postgres")
                .pollInterval(Duration.ofMinutes(10))
                .build()) {
            ledger.subscribe(new KeyLedger.Listener() {
                @Override
                public void stored(LedgerBatch batch) {
                    long now = System.currentTimeMillis();
                    for (KeyRecord r : batch.keys()) {
                        if (r.revoked() && seen.add(r.thumbprint())) {
                            out.println("seen " + r.thumbprint() + " " + now);
                        }
                    }
                }

                @Override
                public void watching(Instant at) {
                    out.println("ready");
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String jkt = line.substring("revoke ".length()).trim();
                out.println("sent " + jkt + " " + System.currentTimeMillis());
                ledger.revoke(jkt, new KeyRecord.Action("fleet-test", "propagation", Instant.now()));
            }
        }
    }
}
