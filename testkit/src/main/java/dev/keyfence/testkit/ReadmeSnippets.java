package dev.keyfence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Holds a README's {@code java} snippet to the compiled code it was taken from: every import the
 * snippet shows is an import of the source file, and the snippet's code (end-of-line comments and
 * whitespace aside, so formatting never matters) appears in the source file as written.
 */
public final class ReadmeSnippets {
    private ReadmeSnippets() {}

    /**
     * Passes when the first {@code java} block of {@code readme} containing {@code marker} is
     * shown by {@code source}; otherwise throws an {@link AssertionError} naming both files.
     */
    public static void assertShownBy(Path readme, String marker, Path source) {
        List<String> block = javaBlock(read(readme), marker, readme);
        List<String> sourceLines = read(source).lines().map(String::strip).toList();
        StringBuilder code = new StringBuilder();
        for (String line : block) {
            if (line.startsWith("import ")) {
                if (!sourceLines.contains(line.strip())) {
                    throw new AssertionError(readme + " shows \"" + line + "\", which " + source + " does not import");
                }
            } else {
                code.append(line).append('\n');
            }
        }
        String shown = normalized(code.toString());
        if (!normalized(read(source)).contains(shown)) {
            throw new AssertionError(
                    "the snippet of " + readme + " with \"" + marker + "\" has drifted from " + source + ":\n" + code);
        }
    }

    /** The code alone: end-of-line comments and every whitespace character removed. */
    static String normalized(String code) {
        return code.replaceAll("(?m)\\s+//\\s.*$", "").replaceAll("\\s+", "");
    }

    private static List<String> javaBlock(String text, String marker, Path readme) {
        String[] parts = text.split("```java\n", -1);
        for (int i = 1; i < parts.length; i++) {
            int end = parts[i].indexOf("```");
            String body = end < 0 ? parts[i] : parts[i].substring(0, end);
            if (body.contains(marker)) {
                return body.lines().filter(l -> !l.isBlank()).toList();
            }
        }
        throw new AssertionError("no java block with \"" + marker + "\" in " + readme);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
