package dev.keyfence.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger revoke}: an operator's decision on one key, recorded in the ledger. */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description =
                "Record a revocation of the key in the ledger: every validator on the ledger refuses it with KEY_REVOKED. A kid: names every key the ledger knows under that kid. Prints one JSON line per key.")
public final class LedgerRevokeCommand implements Callable<Integer> {
    @Mixin
    private LedgerDecision decision;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return decision.record("revoke", false, spec.commandLine().getOut(), (l, jkt, action) -> l.revoke(jkt, action));
    }
}
