package dev.keyfence;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
    private final int issuerIndex;
    private final @Nullable String issuerKey;

    /** A problem with one setting, named by its configuration-file path (e.g. {@code jwks.timeout}). */
    public ConfigurationException(String setting, String problem) {
        this(setting, problem, true, null);
    }

    /** A problem with one setting, caused by {@code cause}. */
    public ConfigurationException(String setting, String problem, Throwable cause) {
        this(setting, problem, true, cause);
    }

    private ConfigurationException(String setting, String problem, boolean namesSetting, @Nullable Throwable cause) {
        this(setting, problem, namesSetting, cause, -1, null);
    }

    private ConfigurationException(
            String setting,
            String problem,
            boolean namesSetting,
            @Nullable Throwable cause,
            int issuerIndex,
            @Nullable String issuerKey) {
        super(Objects.requireNonNull(setting, "setting") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.setting = setting;
        this.problem = problem;
        this.namesSetting = namesSetting;
        this.issuerIndex = issuerIndex;
        this.issuerKey = issuerKey;
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

    /**
     * The position in the policy's list of issuers (0 for the first) of the issuer whose setting
     * this problem is about, when it is about one issuer's setting and its position was known.
     * Front doors name the property from it ({@code issuers[1].issuer}), never by matching the
     * issuer's name, which {@link #setting()} shows for people.
     */
    public OptionalInt issuerIndex() {
        return issuerIndex < 0 ? OptionalInt.empty() : OptionalInt.of(issuerIndex);
    }

    /**
     * The offending setting's key within its issuer's section ({@code jwks-uri}); present exactly
     * when {@link #issuerIndex()} is.
     */
    public Optional<String> issuerKey() {
        return Optional.ofNullable(issuerKey);
    }

    /**
     * The same problem, with the same message, marked as about the setting {@code key} of the issuer
     * at {@code index} in the policy's list of issuers (see {@link #issuerIndex()}).
     *
     * @throws IllegalArgumentException when {@code index} is negative
     */
    public ConfigurationException ofIssuer(int index, String key) {
        if (index < 0) {
            throw new IllegalArgumentException("issuer index below zero: " + index);
        }
        return new ConfigurationException(
                setting, problem, namesSetting, this, index, Objects.requireNonNull(key, "key"));
    }

    /** The same problem reported under another setting name (e.g. its full path in a file). */
    public ConfigurationException at(String otherSetting) {
        return new ConfigurationException(otherSetting, problem, true, this);
    }
}
