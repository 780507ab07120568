package dev.keyfence.cli.internal;

import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.DrillTargetCheck;
import dev.keyfence.Reason;
import java.util.List;

/** The text form of a drill: one table row per attack, then notes, attacks not run, findings and the verdict. */
final class DrillText {
    private DrillText() {}

    /** The TARGET cell: "401 REASON / 200", or "not sent". */
    private static String target(DrillTargetCheck c) {
        if (!c.sent()) {
            return "not sent";
        }
        return c.status() + " " + c.reason().orElse("-") + " / " + c.counterpartStatus()
                + (c.matched() ? "" : " MISMATCH");
    }

    static String write(DrillReport report, String configName) {
        StringBuilder sb = new StringBuilder();
        sb.append("Keyfence drill of ")
                .append(configName)
                .append(" at ")
                .append(report.at())
                .append("\n\n");
        boolean targeted = report.results().stream().anyMatch(r -> r.target().isPresent());
        TextTable t = targeted
                ? new TextTable(
                        "#",
                        "ATTACK",
                        "RESOURCE",
                        "VERDICT",
                        "REASON",
                        "COUNTERPART",
                        "CONTROLS THAT CATCH IT ALONE",
                        "N",
                        "TARGET",
                        "")
                : new TextTable(
                        "#",
                        "ATTACK",
                        "RESOURCE",
                        "VERDICT",
                        "REASON",
                        "COUNTERPART",
                        "CONTROLS THAT CATCH IT ALONE",
                        "N",
                        "");
        int i = 1;
        for (DrillResult r : report.results()) {
            List<String> cells = new java.util.ArrayList<>(List.of(
                    String.valueOf(i++),
                    r.title(),
                    r.resource(),
                    r.valid() ? "ACCEPTED" : "refused",
                    r.reason().map(Reason::name).orElse("-"),
                    r.counterpartValid()
                            ? "accepted"
                            : "REFUSED "
                                    + r.counterpartReason().map(Reason::name).orElse(""),
                    r.controls().isEmpty()
                            ? "-"
                            : String.join(
                                    " ", r.controls().stream().map(Reason::name).toList()),
                    r.controls().size() + "/" + r.required()));
            if (targeted) {
                cells.add(r.target().map(DrillText::target).orElse("-"));
            }
            cells.add(r.passed() ? "ok" : "FAIL");
            t.row(cells.toArray(String[]::new));
        }
        t.appendTo(sb);
        sb.append('\n');
        int n0 = 1;
        for (DrillResult r : report.results()) {
            int row = n0++;
            r.target()
                    .filter(c -> !c.sent())
                    .ifPresent(c -> sb.append("not sent to the target: ")
                            .append(row)
                            .append(' ')
                            .append(r.attack())
                            .append(": ")
                            .append(c.note().orElse(""))
                            .append('\n'));
        }
        for (String note : report.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        for (String skipped : report.skipped()) {
            sb.append("not run: ").append(skipped).append('\n');
        }
        List<String> findings = report.findings();
        for (String f : findings) {
            sb.append("FINDING: ").append(f).append('\n');
        }
        long refused = report.results().stream().filter(r -> !r.valid()).count();
        long counterparts =
                report.results().stream().filter(DrillResult::counterpartValid).count();
        int n = report.results().size();
        if (targeted) {
            long sent = report.results().stream()
                    .filter(r -> r.target().map(DrillTargetCheck::sent).orElse(false))
                    .count();
            long matched = report.results().stream()
                    .filter(r -> r.target().map(c -> c.sent() && c.matched()).orElse(false))
                    .count();
            sb.append("target: ")
                    .append(sent)
                    .append(" of ")
                    .append(n)
                    .append(" attacks sent, ")
                    .append(matched)
                    .append(" answered with the shadow's reason (401) and their counterpart accepted (2xx), ")
                    .append(n - sent)
                    .append(" not sent\n");
        }
        sb.append('\n')
                .append(report.passed() ? "PASS" : "FAIL")
                .append(": ")
                .append(refused)
                .append(" of ")
                .append(n)
                .append(" attacks refused, ")
                .append(counterparts)
                .append(" of ")
                .append(n)
                .append(" legitimate counterparts accepted; each 2023 key forgery caught by at least ")
                .append(report.minimumKeyForgeryControls())
                .append(
                        report.minimumKeyForgeryControls() == 1
                                ? " control alone (minimum "
                                : " controls alone (minimum ")
                .append(report.minControls())
                .append(").\n");
        return sb.toString();
    }
}
