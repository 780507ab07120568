package dev.keyfence.cli.internal;

import dev.keyfence.KeyReference;
import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The options of an operator's decision on one key ({@code ledger revoke}, {@code ledger reinstate}). */
final class LedgerDecision {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The Keyfence YAML configuration, with a ledger: section.")
    private Path config;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "kid:VALUE|jkt:THUMBPRINT",
            converter = LedgerAccess.KeyConverter.class,
            description = "The key.")
    private KeyReference key;

    @Option(names = "--actor", required = true, paramLabel = "NAME", description = "Who decides (required).")
    private String actor;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (required).")
    private String reason;

    /** Records the decision named {@code verb} on every key {@code --key} names; the exit status. */
    int record(String verb, boolean single, PrintWriter out, Recorder recorder) {
        KeyRecord.Action action =
                LedgerCommands.action(actor, reason, Clock.systemUTC().instant());
        return LedgerCommands.decide(
                config, key, verb, action, single, out, (l, jkt) -> recorder.record(l, jkt, action));
    }

    /** What the decision writes for one key. */
    interface Recorder {
        void record(KeyLedger ledger, String thumbprint, KeyRecord.Action action);
    }
}
