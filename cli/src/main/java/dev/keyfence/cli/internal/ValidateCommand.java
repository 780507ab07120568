package dev.keyfence.cli.internal;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate}: every control of the policy on every token; one JSON line per token. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate tokens against a Keyfence configuration and print one JSON object per token, one "
                + "per line, in input order: index, valid, reason, issuer, tenant, kid, keyScope, detail, "
                + "fingerprint. Tokens are never printed; a token is named by its fingerprint (first 12 hex "
                + "digits of its SHA-256).",
        footer = {"", "Exit status: 0 all valid, 1 any rejected, 2 usage or configuration error.",
                "", "Examples:",
                "  java -jar keyfence-cli.jar validate --config keyfence.yaml --tokens tokens.txt",
                "  java -jar keyfence-cli.jar validate --config keyfence.yaml \\",
                "      --now 2023-07-11T00:00:00Z --tokens - < tokens.txt"})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    private PolicyOptions policyOptions;

    @Mixin
    private TokenInput input;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> tokens = input.read(root.stdin());
        KeyfenceConfig config = policyOptions.load();
        TokenValidator validator = TokenValidator.create(policyOptions.policy(config));
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (int i = 0; i < tokens.size(); i++) {
            Verdict verdict = validator.validate(tokens.get(i));
            allValid &= verdict.valid();
            out.println(VerdictLine.of(i, verdict));
        }
        out.flush();
        return allValid ? ExitStatus.OK : ExitStatus.FAILED;
    }
}
