package dev.keyfence.examples.replay;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link ReplayResult} as a plain-text table a person reads at a glance. */
public final class TextTable {

    private TextTable() {}

    /**
     * @param result the replay
     * @return the table, its legend and a one-line summary, each line ending in a newline
     */
    public static String render(ReplayResult result) {
        List<String> header = new ArrayList<>(List.of("#", "attack"));
        result.columns().forEach(c -> header.add(c.name()));
        header.add("Keyfence expected");
        header.add("");
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        int n = 0;
        for (ReplayRow row : result.rows()) {
            List<String> line = new ArrayList<>();
            line.add(String.valueOf(++n));
            line.add(row.scenario().attack());
            for (Response response : row.responses()) {
                line.add(response.text());
            }
            line.add(row.scenario().expectedText());
            line.add(row.asExpected(result.columns()) ? "ok" : "MISMATCH");
            lines.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Keyfence incident replay: ")
                .append(Scenarios.DAY.toString(), 0, 10)
                .append(", identity provider ")
                .append(result.loginHost())
                .append('\n')
                .append('\n');
        for (int l = 0; l < lines.size(); l++) {
            appendLine(out, lines.get(l), widths);
            if (l == 0) {
                List<String> rule = new ArrayList<>();
                for (int w : widths) {
                    rule.add("-".repeat(w));
                }
                appendLine(out, rule, widths);
            }
        }
        out.append('\n');
        for (Column c : result.columns()) {
            out.append(c.name()).append(": ").append(c.description()).append('\n');
        }
        out.append('\n').append(summary(result)).append('\n');
        return out.toString();
    }

    /**
     * @param result the replay
     * @return one sentence: what Keyfence did and what the common setup let through
     */
    public static String summary(ReplayResult result) {
        long legit =
                result.rows().stream().filter(r -> r.scenario().legitimate()).count();
        long legitOk = result.rows().stream()
                .filter(r -> r.scenario().legitimate())
                .filter(r -> r.asExpected(result.columns()))
                .count();
        long attacksOk = result.rows().stream()
                .filter(r -> !r.scenario().legitimate())
                .filter(r -> r.asExpected(result.columns()))
                .count();
        return (result.allAsExpected() ? "PASS" : "FAIL") + ": Keyfence accepted " + legitOk + " of " + legit
                + " legitimate tokens and rejected " + attacksOk + " of " + result.attacks()
                + " attacks with the expected reason; the common setup let " + result.attacksLetThrough(0) + " of "
                + result.attacks() + " attacks through.";
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            line.append(
                    i == 0
                            ? " ".repeat(widths[i] - cell.length()) + cell
                            : cell + " ".repeat(widths[i] - cell.length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
