package dev.keyfence.posture;

import java.util.Locale;

/** How serious a posture {@link Finding} is, most serious first; spelled lower-case in reports. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** The lower-case spelling used in reports and options, e.g. {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is the threshold or more serious. */
    public boolean atOrAbove(Severity threshold) {
        return compareTo(threshold) <= 0;
    }
}
