package dev.keyfence.ledger.jdbc;

import dev.keyfence.KeyReference;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real validator of a fleet, in its own JVM, on a shared PostgreSQL ledger (args: JDBC URL,
 * base URI of the key sources). Prints {@code ready} once it listens; for {@code validate TOKEN}
 * prints {@code verdict VALID} or {@code verdict REASON}; for {@code revoke KID} prints
 * {@code sent KID MILLIS} and revokes through {@link TokenValidator#revoke}; prints
 * {@code seen JKT MILLIS} when the ledger delivers a revocation (after the validator merged it:
 * it subscribed first). The poll interval is ten minutes, so what arrives in time came by NOTIFY.
 */
public final class FleetValidator {
    private FleetValidator() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (JdbcKeyLedger ledger = JdbcKeyLedger.builder()
                .url(args[0])
                .username("postgres")
                .pollInterval(Duration.ofMinutes(10))
                .build()) {
            TokenValidator validator = TokenValidator.create(ForgeryPolicy.policy(args[1], ledger, Clock.systemUTC()));
            awaitFirstReads(validator);
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
            if (ledger.isListening()) { // the validator's subscription may have started listening already
                out.println("ready");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("validate ")) {
                    Verdict v = validator.validate(
                            line.substring("validate ".length()).trim());
                    out.println("verdict "
                            + (v instanceof Verdict.Rejected r ? r.reason().name() : "VALID"));
                } else if (line.startsWith("revoke ")) {
                    String kid = line.substring("revoke ".length()).trim();
                    out.println("sent " + kid + " " + System.currentTimeMillis());
                    validator.revoke(KeyReference.kid(kid), "fleet-test", "propagation");
                }
            }
            validator.awaitLedgerWrites(Duration.ofSeconds(5));
        }
    }

    /**
     * Waits (at most a minute) until every key source has been read once: the sources are read in
     * the background from creation, and until the consumer source is known, scope separation
     * fails closed (KEYS_UNAVAILABLE), which on a busy machine the first token could meet.
     */
    private static void awaitFirstReads(TokenValidator validator) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (!validator.sourceStatuses().stream().allMatch(s -> s.fetchedAt().isPresent())
                && Instant.now().isBefore(until)) {
            Thread.sleep(10);
        }
    }
}
