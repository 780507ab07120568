package dev.keyfence.cli.internal;

import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyfence}: the parent of the commands; alone it is a usage error. */
@Command(
        name = "keyfence",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description =
                "Validate JWT access tokens, audit key posture, verify a signature with a JWK, drill a policy, read and change the key ledger.",
        subcommands = {
            ValidateCommand.class,
            AuditCommand.class,
            VerifySignatureCommand.class,
            DrillCommand.class,
            LedgerCommand.class
        },
        footer = {
            "",
            "Exit status: 0 all good, 1 a token rejected or a finding at or above --fail-on,",
            "2 usage or configuration error (one line on stderr), 3 internal error.",
            "",
            "Example:",
            "  java -jar keyfence-cli.jar validate --config keyfence.yaml --tokens tokens.txt"
        })
public final class RootCommand implements Callable<Integer> {
    private final InputStream in;

    @Spec
    private CommandSpec spec;

    RootCommand(InputStream in) {
        this.in = in;
    }

    /** Standard input, for {@code --tokens -}. */
    InputStream stdin() {
        return in;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: validate, audit, verify-signature, drill or ledger");
    }

    /** The version this build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties props = new java.util.Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("/dev/keyfence/cli/version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties missing from the build");
                }
                props.load(in);
            }
            return new String[] {"keyfence " + props.getProperty("version")};
        }
    }
}
