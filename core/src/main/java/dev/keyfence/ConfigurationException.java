package dev.keyfence;

import java.util.Objects;

/**
 * A policy or configuration file that cannot be used. The message names the offending setting
 * with its configuration-file name (for example {@code resource.clock-skew}); no validator is
 * ever built from a bad configuration.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public ConfigurationException(String setting, String problem) {
        super(Objects.requireNonNull(setting, "setting") + ": " + Objects.requireNonNull(problem, "problem"));
        this.setting = setting;
    }

    public ConfigurationException(String setting, String problem, Throwable cause) {
        super(Objects.requireNonNull(setting, "setting") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.setting = setting;
    }

    /** The configuration-file name of the offending setting, e.g. {@code issuers[0].tenants}. */
    public String setting() {
        return setting;
    }

    /** The problem alone, without the setting's name in front. */
    public String problem() {
        return Objects.requireNonNull(getMessage()).substring(setting.length() + 2);
    }

    /** The same problem reported under another setting name (e.g. its full path in a file). */
    public ConfigurationException at(String otherSetting) {
        return new ConfigurationException(otherSetting, problem(), this);
    }
}
