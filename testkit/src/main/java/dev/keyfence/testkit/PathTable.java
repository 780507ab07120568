package dev.keyfence.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shared table of request paths and the profile each must get (resource
 * {@code path-table.tsv}): every front door runs it against the same two profiles, so a
 * configuration moved from one front door to another protects the same requests.
 */
public final class PathTable {
    /** The exact pattern of the {@code me} profile. */
    public static final String ME_PATTERN = "/api/me";
    /** The prefix pattern of the {@code admin} profile. */
    public static final String ADMIN_PATTERN = "/api/admin/**";
    /** The outcome that is a refusal (400), not a profile. */
    public static final String REFUSED = "refused";

    /** One row: the path as sent on the wire, and {@code me}, {@code admin}, {@code default} or {@code refused}. */
    public record Row(String path, String expected) {
        @Override
        public String toString() {
            return path + " -> " + expected;
        }
    }

    private PathTable() {}

    /** Every row, in file order. */
    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                        PathTable.class.getResourceAsStream("path-table.tsv"), "path-table.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 2
                        || !List.of("me", "admin", "default", REFUSED).contains(cols[1])) {
                    throw new IllegalStateException("bad path-table line: " + line);
                }
                rows.add(new Row(cols[0], cols[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
