package dev.keyfence.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger}: the parent of show, revoke and reinstate; alone it is a usage error. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "Read and change the key ledger of a configuration (its ledger: section).",
        subcommands = {LedgerShowCommand.class, LedgerRevokeCommand.class, LedgerReinstateCommand.class},
        footer = {
            "",
            "Exit status: 0 done, 1 the ledger could not be read or written (nothing changed),",
            "2 usage or configuration error (including a configuration without ledger:).",
            "",
            "Examples:",
            "  java -jar keyfence-cli.jar ledger show --config keyfence.yaml",
            "  java -jar keyfence-cli.jar ledger revoke --config keyfence.yaml --key kid:ent-2021 --actor alice --reason \"key leaked\""
        })
public final class LedgerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: show, revoke or reinstate");
    }
}
