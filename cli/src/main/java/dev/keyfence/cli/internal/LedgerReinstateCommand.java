package dev.keyfence.cli.internal;

import dev.keyfence.KeyReference;
import dev.keyfence.ledger.KeyRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger reinstate}: an operator's decision on one key, recorded in the ledger. */
@Command(name = "reinstate", mixinStandardHelpOptions = true, description = "Record a reinstatement of the key in the ledger: it ends earlier revocations and a retirement (a key removed and published again). A kid: must name exactly one key. Prints one JSON line per key.")
public final class LedgerReinstateCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The Keyfence YAML configuration, with a ledger: section.")
    private Path config;

    @Option(names = "--key", required = true, paramLabel = "kid:VALUE|jkt:THUMBPRINT", converter = LedgerAccess.KeyConverter.class,
            description = "The key.")
    private KeyReference key;

    @Option(names = "--actor", required = true, paramLabel = "NAME", description = "Who decides (required).")
    private String actor;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (required).")
    private String reason;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        KeyRecord.Action action = LedgerCommands.action(actor, reason, Clock.systemUTC().instant());
        return LedgerCommands.decide(config, key, "reinstate", action, true, spec.commandLine().getOut(),
                (l, jkt) -> l.reinstate(jkt, action));
    }
}
