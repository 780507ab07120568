package dev.keyfence.cli.internal;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.PathRoute;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate}: every control of the policy on every token; one JSON line per token. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Validate tokens against a Keyfence configuration and print one JSON object per token, one "
                + "per line, in input order: index, valid, reason, issuer, tenant, kid, keyScope, detail, "
                + "fingerprint. Tokens are never printed; a token is named by its fingerprint (first 12 hex "
                + "digits of its SHA-256).",
        footer = {
            "",
            "Exit status: 0 all valid, 1 any rejected, 2 usage or configuration error.",
            "",
            "Examples:",
            "  java -jar keyfence-cli.jar validate --config keyfence.yaml --tokens tokens.txt",
            "  java -jar keyfence-cli.jar validate --config keyfence.yaml \\",
            "      --now 2023-07-11T00:00:00Z --tokens - < tokens.txt",
            "  java -jar keyfence-cli.jar validate --config keyfence.yaml --path /api/admin/users --tokens tokens.txt"
        })
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    private PolicyOptions policyOptions;

    @Mixin
    private TokenInput input;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            description = "Validate for the resource profile (resources: section) whose paths match this request "
                    + "path, as an HTTP front door would; without it the resource: section applies.")
    private @Nullable String path;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> tokens = input.read(root.stdin());
        KeyfenceConfig config = policyOptions.load();
        TokenValidator validator = validator(config);
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (int i = 0; i < tokens.size(); i++) {
            Verdict verdict = validator.validate(tokens.get(i));
            allValid &= verdict.valid();
            out.println(VerdictLine.of(i, verdict));
        }
        out.flush();
        try {
            validator.awaitLedgerWrites(java.time.Duration.ofSeconds(2)); // what this run fetched, for the key ledger
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return allValid ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** The default resource's validator, or with {@code --path} the validator of that path's profile. */
    private TokenValidator validator(KeyfenceConfig config) {
        TokenValidator base = TokenValidator.create(policyOptions.policy(config));
        if (path == null) {
            return base;
        }
        PathRoute route = base.withProfiles(config.resources()).forPath(path);
        if (route instanceof PathRoute.Refused refused) {
            throw new UsageError("--path: " + refused.problem());
        }
        return ((PathRoute.Matched) route).validator();
    }
}
