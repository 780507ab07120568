package dev.keyfence.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The tokens of a command: given as arguments, or one per line in a file or on standard input. */
public final class TokenInput {
    @Parameters(
            paramLabel = "TOKEN",
            arity = "0..*",
            description = "Tokens to check (or use --tokens; arguments are visible to other local users).")
    private List<String> tokens = new ArrayList<>();

    @Option(
            names = "--tokens",
            paramLabel = "FILE|-",
            description = "Read tokens from FILE, or from standard input with '-': one per line, "
                    + "trimmed, blank lines skipped.")
    private @Nullable String tokensFile;

    /** The tokens in input order; a {@link UsageError} when none or both ways are given or the file cannot be read. */
    public List<String> read(InputStream stdin) {
        if (tokensFile != null && !tokens.isEmpty()) {
            throw new UsageError("give tokens as arguments or with --tokens, not both");
        }
        if (tokensFile == null) {
            if (tokens.isEmpty()) {
                throw new UsageError("no tokens: give TOKEN... or --tokens FILE|-");
            }
            return List.copyOf(tokens);
        }
        List<String> read;
        try {
            if ("-".equals(tokensFile)) {
                read = lines(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            } else {
                read = lines(Files.newBufferedReader(Path.of(tokensFile), StandardCharsets.UTF_8));
            }
        } catch (NoSuchFileException e) {
            throw new UsageError("--tokens: no such file: " + tokensFile);
        } catch (IOException e) {
            throw new UsageError(
                    "--tokens: cannot read " + tokensFile + ": " + e.getClass().getSimpleName());
        }
        if (read.isEmpty()) {
            throw new UsageError(
                    "--tokens: " + ("-".equals(tokensFile) ? "standard input" : tokensFile) + " holds no tokens");
        }
        return read;
    }

    private static List<String> lines(Reader reader) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
