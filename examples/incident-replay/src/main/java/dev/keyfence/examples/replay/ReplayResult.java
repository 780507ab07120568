package dev.keyfence.examples.replay;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a whole replay.
 *
 * @param loginHost the identity provider's base URL during the run
 * @param columns   the servers, in table order (the common setup first)
 * @param rows      the played rows, in timeline order
 */
public record ReplayResult(String loginHost, List<Column> columns, List<ReplayRow> rows) {

    public ReplayResult {
        Objects.requireNonNull(loginHost, "loginHost");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** @return true when Keyfence accepted every legitimate token and rejected every attack as expected */
    public boolean allAsExpected() {
        return rows.stream().allMatch(r -> r.asExpected(columns));
    }

    /** @return the row of that scenario id */
    public ReplayRow row(String id) {
        return rows.stream()
                .filter(r -> r.scenario().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + id));
    }

    /**
     * @param name a column name
     * @return that column's index
     */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** @return attacks that a column answered with 200 */
    public long attacksLetThrough(int column) {
        return rows.stream()
                .filter(r -> !r.scenario().legitimate())
                .filter(r -> r.responses().get(column).status() == 200)
                .count();
    }

    /** @return the number of attack rows */
    public long attacks() {
        return rows.stream().filter(r -> !r.scenario().legitimate()).count();
    }
}
