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

/** {@code ledger revoke}: an operator's decision on one key, recorded in the ledger. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Record a revocation of the key in the ledger: every validator on the ledger refuses it with KEY_REVOKED. A kid: names every key the ledger knows under that kid. Prints one JSON line per key.")
public final class LedgerRevokeCommand implements Callable<Integer> {
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
        return LedgerCommands.decide(config, key, "revoke", action, false, spec.commandLine().getOut(),
                (l, jkt) -> l.revoke(jkt, action));
    }
}
