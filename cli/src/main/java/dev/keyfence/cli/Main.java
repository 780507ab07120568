package dev.keyfence.cli;

import dev.keyfence.cli.internal.Cli;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code keyfence} command line: {@code validate}, {@code audit} and {@code verify-signature}
 * as CONTRACT.md section 3 describes them. Exit status 0 (all good), 1 (a token rejected or a
 * finding at or above {@code --fail-on}), 2 (usage or configuration error), 3 (internal error).
 */
public final class Main {
    private Main() {}

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(args, out, err, System.in);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line in-process: results go to {@code out}, problems (one line each) to
     * {@code err}; {@code in} is read for {@code --tokens -}. Returns the exit status.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        int status = Cli.run(args, out, err, in);
        out.flush();
        err.flush();
        return status;
    }
}
