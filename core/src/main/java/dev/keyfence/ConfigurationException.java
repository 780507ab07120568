package dev.keyfence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A policy or configuration file that cannot be used. The message names the offending setting
 * with its configuration-file name (for example {@code resource.clock-skew: at most PT5M, was
 * PT10M}); {@link #setting()} and {@link #problem()} carry the two parts. No validator is ever
 * built from a bad configuration.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;
    private final String problem;
    private final boolean namesSetting;

    /** A problem with one setting, named by its configuration-file path (e.g. {@code jwks.timeout}). */
    public ConfigurationException(String setting, String problem) {
        this(setting, problem, true, null);
    }

    /** A problem with one setting, caused by {@code cause}. */
    public ConfigurationException(String setting, String problem, Throwable cause) {
        this(setting, problem, true, cause);
    }

    private ConfigurationException(String setting, String problem, boolean namesSetting, @Nullable Throwable cause) {
        super(Objects.requireNonNull(setting, "setting") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.setting = setting;
        this.problem = problem;
        this.namesSetting = namesSetting;
    }

    /**
     * A problem with the configuration as a whole rather than one setting (a file that cannot be
     * read, is not YAML, or is not a mapping); {@code label} stands where a setting's name would,
     * e.g. {@code (file)}, and {@link #namesSetting()} is false.
     */
    public static ConfigurationException ofWholeConfiguration(String label, String problem) {
        return new ConfigurationException(label, problem, false, null);
    }

    /**
     * The configuration-file name of the offending setting, e.g. {@code issuers[0].tenants}, or the
     * label of a problem with the whole configuration, e.g. {@code (file)}.
     */
    public String setting() {
        return setting;
    }

    /** The problem alone, without the setting's name in front. */
    public String problem() {
        return problem;
    }

    /** False when the problem lies with the configuration as a whole, not with one setting. */
    public boolean namesSetting() {
        return namesSetting;
    }

    /** The same problem reported under another setting name (e.g. its full path in a file). */
    public ConfigurationException at(String otherSetting) {
        return new ConfigurationException(otherSetting, problem, true, this);
    }
}
