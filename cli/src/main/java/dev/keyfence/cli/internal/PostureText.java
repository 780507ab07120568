package dev.keyfence.cli.internal;

import dev.keyfence.KeyStatus;
import dev.keyfence.posture.ControlState;
import dev.keyfence.posture.Finding;
import dev.keyfence.posture.IssuerPosture;
import dev.keyfence.posture.PostureReport;
import dev.keyfence.posture.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The text form of a posture: tables a person scans, most severe findings first. */
final class PostureText {
    private PostureText() {}

    static String write(PostureReport p, @Nullable Severity failOn) {
        StringBuilder sb = new StringBuilder();
        sb.append("Keyfence audit at ").append(p.at()).append("\n\n");
        long on = p.controls().stream().filter(ControlState::enabled).count();
        sb.append("CONTROLS (")
                .append(on)
                .append(" of ")
                .append(p.controls().size())
                .append(" on)\n");
        TextTable controls = new TextTable("CONTROL", "STATE", "REJECTS WITH");
        for (ControlState c : p.controls()) {
            controls.row(
                    c.control().name(),
                    c.enabled() ? "on" : "OFF",
                    String.join(
                            ", ", c.control().reasons().stream().map(Enum::name).toList()));
        }
        controls.appendTo(sb);
        for (IssuerPosture ip : p.issuers()) {
            sb.append('\n')
                    .append("ISSUER ")
                    .append(ip.issuer().name())
                    .append("  ")
                    .append(ip.issuer().issuer())
                    .append("\n  scope ")
                    .append(ip.issuer().keyScope())
                    .append(", keys from ")
                    .append(ip.issuer().keySource().describe())
                    .append(", health ")
                    .append(ip.health().map(Enum::name).orElse("NOT READ YET"))
                    .append(ip.problem().map(x -> " (" + x + ")").orElse(""))
                    .append('\n');
            List<KeyStatus> keys = ip.keys();
            if (keys.isEmpty()) {
                sb.append("  (no keys)\n");
                continue;
            }
            TextTable t = new TextTable(
                    "KID",
                    "TYPE",
                    "SIZE",
                    "THUMBPRINT",
                    "NOT BEFORE",
                    "NOT AFTER",
                    "WINDOW FROM",
                    "AGE",
                    "SCOPES",
                    "STATUS");
            for (KeyStatus k : keys) {
                t.row(
                        k.kid().orElse("-"),
                        k.keyType() + k.curve().map(c -> " " + c).orElse(""),
                        String.valueOf(k.sizeBits()),
                        k.thumbprint(),
                        date(k.notBefore()),
                        date(k.notAfter()),
                        k.windowSources().isEmpty() ? "unknown" : String.join("+", k.windowSources()),
                        k.age().map(PostureText::days).orElse("-")
                                + k.ageSource().map(s -> " (" + s + ")").orElse(""),
                        String.join(",", k.scopes().stream().sorted().toList()),
                        k.state().name());
            }
            t.appendTo(sb);
        }
        p.ledger()
                .ifPresent(l -> sb.append('\n')
                        .append("LEDGER ")
                        .append(l.ledger())
                        .append("  ")
                        .append(l.status())
                        .append(", ")
                        .append(l.pendingKeys())
                        .append(" writes pending")
                        .append(l.lastProblem()
                                .filter(x -> l.status() == dev.keyfence.ledger.LedgerState.Status.DOWN)
                                .map(x -> " (" + x + ")")
                                .orElse(""))
                        .append('\n'));
        sb.append('\n').append("FINDINGS (").append(p.findings().size()).append(")\n");
        if (p.findings().isEmpty()) {
            sb.append("  none\n");
        } else {
            TextTable f = new TextTable("SEVERITY", "CODE", "ISSUER", "KID", "MESSAGE");
            for (Finding x : p.findings()) {
                f.row(
                        x.severity().label(),
                        x.code().name(),
                        x.issuerName().orElse("-"),
                        x.kid().orElse("-"),
                        x.message());
            }
            f.appendTo(sb);
        }
        sb.append('\n').append("SUMMARY ");
        List<String> counts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            counts.add(p.count(s) + " " + s.label());
        }
        sb.append(String.join(", ", counts));
        if (failOn == null) {
            sb.append("; --fail-on never: PASS\n");
        } else {
            sb.append("; --fail-on ")
                    .append(failOn.label())
                    .append(": ")
                    .append(p.hasFindingAtOrAbove(failOn) ? "FAIL" : "PASS")
                    .append('\n');
        }
        return sb.toString();
    }

    private static String date(Optional<Instant> i) {
        return i.map(x -> x.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-");
    }

    private static String days(Duration d) {
        return d.toDays() > 0 ? d.toDays() + "d" : d.toHours() + "h";
    }
}
