package dev.keyfence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A drill result as JSON members, one shape for the CLI's JSON lines and the Spring endpoint:
 * {@code attack}, {@code title}, {@code resource}, {@code valid}, {@code reason}, {@code controls},
 * {@code count}, {@code required}, {@code counterpart}, {@code counterpartValid},
 * {@code counterpartReason}, {@code keyForgery}, {@code passed}, {@code finding}; and, only when a
 * target was asked ({@code drill --target}), {@code target}: {@code sent}, {@code status},
 * {@code reason}, {@code counterpartStatus}, {@code matched}, {@code note}. The maps are ready for
 * {@link dev.keyfence.json.JsonWriter} or any JSON mapper: strings, booleans, integers, lists and
 * maps, and {@code null} for an absent value (JSON {@code null}); members in the order above.
 */
public final class DrillMaps {
    private DrillMaps() {}

    /** One attack; absent values are null. */
    public static Map<String, Object> result(DrillResult r) {
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
        r.target().ifPresent(t -> m.put("target", target(t)));
        return m;
    }

    /** A target's answer; absent values are null. */
    public static Map<String, Object> target(DrillTargetCheck t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", t.sent());
        m.put("status", t.sent() ? t.status() : null);
        m.put("reason", t.reason().orElse(null));
        m.put("counterpartStatus", t.sent() ? t.counterpartStatus() : null);
        m.put("matched", t.sent() ? t.matched() : null);
        m.put("note", t.note().orElse(null));
        return m;
    }

    /**
     * The whole report: {@code at}, {@code passed}, {@code minControls},
     * {@code minimumKeyForgeryControls}, {@code attacks}, {@code findings}, {@code notes}, {@code skipped}.
     */
    public static Map<String, Object> report(DrillReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", report.at().toString());
        m.put("passed", report.passed());
        m.put("minControls", report.minControls());
        m.put("minimumKeyForgeryControls", report.minimumKeyForgeryControls());
        m.put("attacks", report.results().stream().map(DrillMaps::result).toList());
        m.put("findings", report.findings());
        m.put("notes", report.notes());
        m.put("skipped", report.skipped());
        return m;
    }
}
