package dev.keyfence.cli.internal;

import dev.keyfence.DrillMaps;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.json.JsonWriter;

/** The JSON lines of a drill: one object per attack, in catalogue order (members: {@link DrillMaps#result}). */
final class DrillJson {
    private DrillJson() {}

    static String lines(DrillReport report) {
        StringBuilder sb = new StringBuilder();
        for (DrillResult r : report.results()) {
            sb.append(JsonWriter.write(DrillMaps.result(r))).append('\n');
        }
        return sb.toString();
    }
}
