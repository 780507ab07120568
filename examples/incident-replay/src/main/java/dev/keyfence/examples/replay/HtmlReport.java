package dev.keyfence.examples.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes the replay as one self-contained HTML page: inline CSS, the table, and an inline SVG
 * timeline of the keys' validity windows (2016 to 2026) with the attack date. No external
 * resources, no scripts, no token or key material.
 */
public final class HtmlReport {

    private static final Instant AXIS_START = Instant.parse("2016-01-01T00:00:00Z");
    private static final Instant AXIS_END = Instant.parse("2026-01-01T00:00:00Z");
    private static final int LABEL = 210;
    private static final int PLOT = 660;
    private static final int ROW = 30;
    private static final int TOP = 40;

    private HtmlReport() {}

    /**
     * Writes the report, creating parent folders.
     *
     * @param result the replay
     * @param file   the HTML file
     */
    public static void write(ReplayResult result, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @param result the replay
     * @return the whole HTML page
     */
    public static String render(ReplayResult result) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>Keyfence incident replay</title>\n<style>\n")
                .append(
                        "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1100px;color:#1d232b;padding:0 1em}\n")
                .append("h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em}\n")
                .append(
                        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5dae0;padding:.35em .55em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f1f3f5}td.n{text-align:right;color:#667}\n")
                .append(
                        ".pass{background:#e3f5e6;color:#11571f}.through{background:#fde2e1;color:#8a1512;font-weight:600}\n")
                .append(".blocked{background:#f4f5f7;color:#555}.fail{background:#8a1512;color:#fff;font-weight:700}\n")
                .append(
                        ".story{color:#555;font-size:.9em}.fp{font-family:ui-monospace,monospace;color:#888;font-size:.85em}\n")
                .append(
                        ".summary{font-size:1.1em;padding:.6em .8em;border-radius:4px}.ok{background:#e3f5e6}.bad{background:#fde2e1}\n")
                .append("code{font-family:ui-monospace,monospace}\n")
                .append("</style></head><body>\n");
        h.append("<h1>Keyfence incident replay</h1>\n<p>Replayed on ")
                .append(Scenarios.DAY.toString(), 0, 10)
                .append(" (every server's clock is set to the moment of its request). Identity provider: <code>")
                .append(esc(result.loginHost()))
                .append("</code>, standing in for <code>https://login.example.test</code>.</p>\n");
        h.append("<p class=\"summary ")
                .append(result.allAsExpected() ? "ok" : "bad")
                .append("\">")
                .append(esc(TextTable.summary(result)))
                .append("</p>\n");
        table(h, result);
        h.append("<h2>Servers</h2>\n<ul>\n");
        for (Column c : result.columns()) {
            h.append("<li><b>")
                    .append(esc(c.name()))
                    .append("</b>: ")
                    .append(esc(c.description()))
                    .append("</li>\n");
        }
        h.append("</ul>\n<h2>Signing keys and their validity windows</h2>\n");
        timeline(h);
        h.append("<p class=\"story\">Bars are x5c certificate windows. All keys are published on the common endpoint;"
                + " consumer keys also on the consumer endpoint. The red line is the day of the replay.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, ReplayResult result) {
        h.append("<table>\n<thead><tr><th>#</th><th>attack</th>");
        for (Column c : result.columns()) {
            h.append("<th>").append(esc(c.name())).append("</th>");
        }
        h.append("<th>Keyfence expected</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (ReplayRow row : result.rows()) {
            Scenario s = row.scenario();
            h.append("<tr id=\"")
                    .append(esc(s.id()))
                    .append("\"><td class=\"n\">")
                    .append(++n)
                    .append("</td><td><b>")
                    .append(esc(s.attack()))
                    .append("</b><br><span class=\"story\">")
                    .append(esc(s.story()))
                    .append("</span><br><span class=\"fp\">")
                    .append(esc(s.at().toString().substring(11, 16)))
                    .append(" UTC, GET ")
                    .append(esc(s.path()))
                    .append(", token ")
                    .append(esc(row.fingerprint()))
                    .append("</span></td>");
            for (int i = 0; i < result.columns().size(); i++) {
                Response r = row.responses().get(i);
                String css;
                if (result.columns().get(i).keyfence()) {
                    css = row.matches(r) ? "pass" : "fail";
                } else if (s.legitimate()) {
                    css = r.status() == 200 ? "pass" : "blocked";
                } else {
                    css = r.status() == 200 ? "through" : "blocked";
                }
                h.append("<td class=\"")
                        .append(css)
                        .append("\">")
                        .append(esc(r.text()))
                        .append("through".equals(css) ? "<br>let through" : "")
                        .append("</td>");
            }
            h.append("<td>").append(esc(s.expectedText())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void timeline(StringBuilder h) {
        int height = TOP + IncidentIdentityProvider.KEYS.size() * ROW + 40;
        int width = LABEL + PLOT + 90;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\" role=\"img\""
                        + " aria-label=\"key validity windows 2016 to 2026\">\n");
        for (int year = 2016; year <= 2026; year++) {
            int x = x(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
            h.append("<line x1=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(TOP - 8)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y2=\"")
                    .append(height - 30)
                    .append("\" stroke=\"#e3e6ea\"/>")
                    .append("<text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(height - 14)
                    .append("\" text-anchor=\"middle\" fill=\"#667\">")
                    .append(year)
                    .append("</text>\n");
        }
        int y = TOP;
        for (DemoKey key : IncidentIdentityProvider.KEYS) {
            String color = "consumer".equals(key.scope()) ? "#e07b00" : "#2563c9";
            int x1 = x(key.notBefore());
            boolean clipped = key.notAfter().isAfter(AXIS_END);
            int x2 = x(clipped ? AXIS_END : key.notAfter());
            h.append("<text x=\"4\" y=\"")
                    .append(y + 15)
                    .append("\">")
                    .append(esc(key.kid()))
                    .append(" (")
                    .append(esc(key.scope()))
                    .append(")</text>")
                    .append("<rect x=\"")
                    .append(x1)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" width=\"")
                    .append(Math.max(1, x2 - x1))
                    .append("\" height=\"16\" rx=\"3\" fill=\"")
                    .append(color)
                    .append("\" fill-opacity=\"0.8\"><title>")
                    .append(esc(key.kid()))
                    .append(": ")
                    .append(esc(key.notBefore().toString().substring(0, 10)))
                    .append(" to ")
                    .append(esc(key.notAfter().toString().substring(0, 10)))
                    .append(", ")
                    .append(esc(key.role()))
                    .append("</title></rect>");
            if (clipped) {
                h.append("<text x=\"")
                        .append(x2 + 3)
                        .append("\" y=\"")
                        .append(y + 16)
                        .append("\" fill=\"")
                        .append(color)
                        .append("\">&#8594;</text>");
            }
            h.append("<text x=\"")
                    .append(x1 + 4)
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\" fill=\"#fff\" font-size=\"11\">")
                    .append(esc(key.role()))
                    .append("</text>\n");
            y += ROW;
        }
        marker(h, Instant.parse("2021-04-01T00:00:00Z"), "#e07b00", "2021-04-01 msa-2016 expires", height, -4);
        marker(h, Scenarios.DAY, "#c0201a", "2023-05-15 forged tokens replayed", height, 4);
        h.append("</svg>\n");
    }

    private static void marker(StringBuilder h, Instant at, String color, String label, int height, int dx) {
        int x = x(at);
        h.append("<line x1=\"")
                .append(x)
                .append("\" y1=\"")
                .append(TOP - 18)
                .append("\" x2=\"")
                .append(x)
                .append("\" y2=\"")
                .append(height - 30)
                .append("\" stroke=\"")
                .append(color)
                .append("\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>")
                .append("<text x=\"")
                .append(x + dx)
                .append("\" y=\"")
                .append(TOP - 22)
                .append("\" fill=\"")
                .append(color)
                .append("\" text-anchor=\"")
                .append(dx < 0 ? "end" : "start")
                .append("\">")
                .append(esc(label))
                .append("</text>\n");
    }

    private static int x(Instant at) {
        double span = AXIS_END.getEpochSecond() - AXIS_START.getEpochSecond();
        double offset = at.getEpochSecond() - AXIS_START.getEpochSecond();
        return LABEL + (int) Math.round(PLOT * Math.max(0, Math.min(1, offset / span)));
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
