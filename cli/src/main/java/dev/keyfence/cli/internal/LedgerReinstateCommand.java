package dev.keyfence.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger reinstate}: an operator's decision on one key, recorded in the ledger. */
@Command(
        name = "reinstate",
        mixinStandardHelpOptions = true,
        description =
                "Record a reinstatement of the key in the ledger: it ends earlier revocations and a retirement (a key removed and published again). A kid: must name exactly one key. Prints one JSON line per key.")
public final class LedgerReinstateCommand implements Callable<Integer> {
    @Mixin
    private LedgerDecision decision;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return decision.record(
                "reinstate", true, spec.commandLine().getOut(), (l, jkt, action) -> l.reinstate(jkt, action));
    }
}
