package dev.keyfence.cli.internal;

import dev.keyfence.ConfigurationException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** Wires the picocli commands, with one-line error reporting and the contract's exit statuses. */
public final class Cli {
    /**
     * Dotted base64url runs; one that starts like a JSON header ({@code eyJ}) or is 40 characters
     * or longer is taken for a token and never echoed in a message.
     */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_=-]+(\\.[A-Za-z0-9_=-]*){2,4}");

    private Cli() {}

    /** Runs one command line; see {@link dev.keyfence.cli.Main#run}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        CommandLine cl = new CommandLine(new RootCommand(in));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            String command = ex.getCommandLine().getCommandName();
            ex.getCommandLine()
                    .getErr()
                    .println("keyfence: " + safe(ex.getMessage()) + " (see: keyfence "
                            + ("keyfence".equals(command) ? "" : command + " ") + "--help)");
            return ExitStatus.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof UsageError u) {
                e.println("keyfence: " + safe(u.getMessage()));
                return ExitStatus.USAGE;
            }
            if (ex instanceof ConfigurationException c) {
                e.println("keyfence: configuration error: " + safe(c.getMessage()));
                return ExitStatus.USAGE;
            }
            if (ex instanceof dev.keyfence.ledger.LedgerException l) {
                e.println("keyfence: ledger error: " + safe(l.getMessage()));
                return ExitStatus.FAILED;
            }
            if (ex instanceof UncheckedIOException io) {
                java.io.IOException cause = io.getCause();
                e.println("keyfence: I/O error: " + safe(cause != null ? cause.getMessage() : io.getMessage()));
                return ExitStatus.USAGE;
            }
            e.println("keyfence: internal error: " + ex.getClass().getName());
            return ExitStatus.INTERNAL;
        });
        return cl.execute(args);
    }

    /** One line, without anything that looks like a token. */
    static String safe(@Nullable String message) {
        String m = message == null
                ? ""
                : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        Matcher matcher = TOKEN_LIKE.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (matcher.find()) {
            String run = matcher.group();
            if (run.length() < 40 && !run.startsWith("eyJ")) {
                matcher.appendReplacement(sb, Matcher.quoteReplacement(run));
                continue;
            }
            matcher.appendReplacement(
                    sb,
                    Matcher.quoteReplacement("<token " + dev.keyfence.Verdict.fingerprintOf(matcher.group()) + ">"));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }
}
