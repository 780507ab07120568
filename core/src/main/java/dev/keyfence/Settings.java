package dev.keyfence;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the builders; every failure names the setting. */
final class Settings {
    private Settings() {}

    static <T> T once(@Nullable T current, @Nullable T value, String setting) {
        if (current != null) {
            throw new ConfigurationException(setting, "given twice");
        }
        if (value == null) {
            throw new ConfigurationException(setting, "must not be null");
        }
        return value;
    }

    static String text(@Nullable String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(setting, "must not be empty");
        }
        return value;
    }

    /** The longest duration any setting accepts (about a century), so no time arithmetic overflows. */
    static final Duration LONGEST = Duration.ofDays(36_500);

    static Duration nonNegative(Duration value, String setting) {
        return nonNegative(value, LONGEST, setting);
    }

    static Duration nonNegative(Duration value, Duration max, String setting) {
        Objects.requireNonNull(value, setting);
        if (value.isNegative()) {
            throw new ConfigurationException(setting, "must not be negative");
        }
        return atMost(value, max, setting);
    }

    static Duration positive(Duration value, String setting) {
        return positive(value, LONGEST, setting);
    }

    static Duration positive(Duration value, Duration max, String setting) {
        Objects.requireNonNull(value, setting);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(setting, "must be positive");
        }
        return atMost(value, max, setting);
    }

    private static Duration atMost(Duration value, Duration max, String setting) {
        if (value.compareTo(max) > 0) {
            throw new ConfigurationException(setting, "must be at most " + max + ", was " + value);
        }
        return value;
    }

    /** An ordered, duplicate-free, unmodifiable copy whose entries are all non-blank. */
    static Set<String> names(Collection<String> values, String setting) {
        if (values == null) {
            throw new ConfigurationException(setting, "must not be null");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null) {
                throw new ConfigurationException(setting, "must not contain null");
            }
            if (!out.add(v)) {
                throw new ConfigurationException(setting, "lists '" + v + "' twice");
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    static List<String> list(Collection<String> values, String setting) {
        return List.copyOf(names(values, setting));
    }
}
