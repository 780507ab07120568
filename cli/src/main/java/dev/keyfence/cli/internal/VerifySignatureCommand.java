package dev.keyfence.cli.internal;

import dev.keyfence.SignatureVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code verify-signature}: the signature layer alone, for troubleshooting. */
@Command(
        name = "verify-signature",
        mixinStandardHelpOptions = true,
        description = "Check only the signature layer: does a key of FILE (one JWK or a JWK set) verify each "
                + "token? The payload may be any bytes, JSON or not. No claims, issuer or policy are checked, so a valid line here never means a token "
                + "is acceptable. Prints the same JSON lines as validate, with reasons MALFORMED_TOKEN, "
                + "ALGORITHM_NOT_ALLOWED, HEADER_NOT_ALLOWED, KEY_NOT_FOUND, KEY_TOO_WEAK, SIGNATURE_INVALID.",
        footer = {
            "",
            "Exit status: 0 every signature verifies, 1 any does not, 2 usage error or unusable key file.",
            "",
            "Example:",
            "  java -jar keyfence-cli.jar verify-signature --jwk keys.json --tokens tokens.txt"
        })
public final class VerifySignatureCommand implements Callable<Integer> {
    @Option(names = "--jwk", required = true, paramLabel = "FILE", description = "One JWK or a JWK set (JSON).")
    private Path jwk;

    @Mixin
    private TokenInput input;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> tokens = input.read(root.stdin());
        String text;
        try {
            text = Files.readString(jwk, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError("--jwk: no such file: " + jwk);
        } catch (IOException e) {
            throw new UsageError(
                    "--jwk: cannot read " + jwk + ": " + e.getClass().getSimpleName());
        }
        SignatureVerification keys = SignatureVerification.of(text);
        PrintWriter err = spec.commandLine().getErr();
        for (Map.Entry<String, String> left : keys.excludedKeys().entrySet()) {
            err.println(
                    "keyfence: warning: key " + Cli.safe(left.getKey()) + " left out: " + Cli.safe(left.getValue()));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (int i = 0; i < tokens.size(); i++) {
            SignatureVerification.Result result = keys.verify(tokens.get(i));
            allValid &= result.valid();
            out.println(VerdictLine.of(i, result));
        }
        out.flush();
        return allValid ? ExitStatus.OK : ExitStatus.FAILED;
    }
}
