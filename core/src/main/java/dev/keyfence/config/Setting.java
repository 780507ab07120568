package dev.keyfence.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One setting, declared once in {@link SettingsRegistry}: its path ({@code jwks.max-stale},
 * {@code issuers[].jwks-uri}), type, default, bounds and one line of documentation. The YAML
 * reader's allowlists, Spring's property names and metadata, the filter's init parameters and the
 * settings tables of the docs are all derived from these records.
 *
 * @param path         the name in the file, with {@code []} after a list of mappings
 * @param kind         the value's type
 * @param shownDefault the default as the docs show it (markdown), e.g. {@code `PT24H`} or {@code required}
 * @param defaultValue the default for Spring's metadata, when there is a plain one
 * @param bounds       the bounds as the docs show them, empty when there are none
 * @param doc          one line: what the setting does
 * @param doors        where the setting can be given
 * @param perProfile   also a setting of every {@code resources.<name>} profile
 * @param values       the allowed values, for tooling hints; empty when open
 */
public record Setting(
        String path,
        SettingKind kind,
        String shownDefault,
        Optional<Object> defaultValue,
        String bounds,
        String doc,
        Set<FrontDoor> doors,
        boolean perProfile,
        List<String> values) {

    public Setting {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shownDefault, "shownDefault");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(doc, "doc");
        doors = Set.copyOf(doors);
        values = List.copyOf(values);
    }

    /** A setting of the file (and so of Spring under {@code keyfence.}) with no default and no bounds yet. */
    static Setting of(String path, SettingKind kind, String doc, FrontDoor first, FrontDoor... more) {
        return new Setting(path, kind, "none", Optional.empty(), "", doc, EnumSet.of(first, more), false, List.of());
    }

    /** This setting with a default, shown in the docs as {@code shown} and given to Spring as {@code value}. */
    Setting byDefault(String shown, Object value) {
        return new Setting(path, kind, shown, Optional.of(value), bounds, doc, doors, perProfile, values);
    }

    /** This setting with a docs-only default (such as {@code required}) that has no plain value. */
    Setting shown(String shown) {
        return new Setting(path, kind, shown, Optional.empty(), bounds, doc, doors, perProfile, values);
    }

    Setting bounded(String text) {
        return new Setting(path, kind, shownDefault, defaultValue, text, doc, doors, perProfile, values);
    }

    Setting inProfiles() {
        return new Setting(path, kind, shownDefault, defaultValue, bounds, doc, doors, true, values);
    }

    Setting oneOf(List<String> allowed) {
        return new Setting(path, kind, shownDefault, defaultValue, bounds, doc, doors, perProfile, allowed);
    }

    /** True when the setting can be given at {@code door}. */
    public boolean at(FrontDoor door) {
        return doors.contains(door);
    }

    /** The section the setting lies in ({@code ""} at the top level, {@code issuers[]}, {@code keys.windows[]}). */
    public String section() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The setting's own name within its section ({@code max-stale} for {@code jwks.max-stale}). */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
