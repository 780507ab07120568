package dev.keyfence.cli.internal.posture;

import java.util.Locale;

/** How serious a finding is; printed lower-case, as {@code --fail-on} spells it. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case spelling used in output and options. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is the threshold or more serious. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }
}
