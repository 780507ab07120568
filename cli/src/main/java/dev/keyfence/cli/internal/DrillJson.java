package dev.keyfence.cli.internal;

import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.Reason;
import dev.keyfence.internal.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON lines of a drill: one object per attack, in catalogue order. */
final class DrillJson {
    private DrillJson() {
    }

    static String lines(DrillReport report) {
        StringBuilder sb = new StringBuilder();
        for (DrillResult r : report.results()) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }

    static String line(DrillResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attack", r.attack());
        m.put("title", r.title());
        m.put("resource", r.resource());
        m.put("valid", r.valid());
        m.put("reason", r.reason().map(Reason::name).orElse(null));
        m.put("controls", r.controls().stream().map(Reason::name).toList());
        m.put("count", r.controls().size());
        m.put("required", r.required());
        m.put("counterpart", r.counterpart());
        m.put("counterpartValid", r.counterpartValid());
        m.put("counterpartReason", r.counterpartReason().map(Reason::name).orElse(null));
        m.put("keyForgery", r.keyForgery());
        m.put("passed", r.passed());
        m.put("finding", r.finding().orElse(null));
        return JsonWriter.write(m);
    }
}
