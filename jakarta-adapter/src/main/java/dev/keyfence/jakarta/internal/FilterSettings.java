package dev.keyfence.jakarta.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.config.FrontDoor;
import dev.keyfence.config.Setting;
import dev.keyfence.config.SettingsRegistry;
import jakarta.servlet.FilterConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The filter's init parameters, read strictly: an unknown {@code keyfence.*} parameter or a bad
 * value is a {@link ConfigurationException} naming the parameter. The known parameters are the
 * registry's servlet settings, {@code keyfence.<path>}.
 *
 * @param ledger the {@code keyfence.ledger.*} parameters given, by their name in the file's
 *               {@code ledger:} section ({@code directory}), in registry order
 */
public record FilterSettings(
        Optional<String> configFile,
        Optional<String> resource,
        Optional<String> realm,
        boolean allowQueryToken,
        boolean allowFormToken,
        Map<String, String> ledger) {
    public static final String CONFIG = "keyfence.config";
    public static final String RESOURCE = "keyfence.resource";
    public static final String REALM = "keyfence.realm";
    public static final String ALLOW_QUERY_TOKEN = "keyfence.allow-query-token";
    public static final String ALLOW_FORM_TOKEN = "keyfence.allow-form-token";
    private static final String PREFIX = "keyfence.";
    private static final String LEDGER = "ledger";
    private static final Set<String> KNOWN = SettingsRegistry.at(FrontDoor.SERVLET).stream()
            .map(s -> PREFIX + s.path())
            .collect(Collectors.toUnmodifiableSet());

    public FilterSettings {
        ledger = Collections.unmodifiableMap(new LinkedHashMap<>(ledger));
    }

    /** The init parameter that gives {@code ledger.<key>} of the file. */
    public static String ledgerParameter(String key) {
        return PREFIX + LEDGER + "." + key;
    }

    /** The credential policy these settings describe. */
    public CredentialPolicy credentialPolicy() {
        CredentialPolicy.Builder b =
                CredentialPolicy.builder().allowQueryToken(allowQueryToken).allowFormToken(allowFormToken);
        realm.ifPresent(b::realm);
        return b.build();
    }

    /**
     * The init parameter a configuration error is about, when the setting came from the
     * parameters rather than the file (a {@code ledger.*} setting given as {@code keyfence.ledger.*}).
     */
    public Optional<String> initParameterFor(ConfigurationException e) {
        if (ledger.isEmpty() || !e.namesSetting()) {
            return Optional.empty();
        }
        return SettingsRegistry.file(e.setting())
                .filter(s -> s.at(FrontDoor.SERVLET) && s.section().equals(LEDGER))
                .map(s -> PREFIX + s.path());
    }

    /** Reads the init parameters; the config file falls back to the system property {@code keyfence.config}. */
    public static FilterSettings read(FilterConfig config) {
        for (String name : Collections.list(config.getInitParameterNames())) {
            if (name.startsWith(PREFIX) && !KNOWN.contains(name)) {
                throw new ConfigurationException(name, "unknown init parameter (known: " + new TreeSet<>(KNOWN) + ")");
            }
        }
        Optional<String> file = text(config, CONFIG)
                .or(() -> Optional.ofNullable(System.getProperty(CONFIG))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty()));
        Optional<String> realm = text(config, REALM);
        if (realm.isPresent() && !CredentialPolicy.isQuotable(realm.get())) {
            throw new ConfigurationException(REALM, "must be printable ASCII without '\"' or '\\'");
        }
        Map<String, String> ledger = new LinkedHashMap<>();
        for (Setting s : SettingsRegistry.at(FrontDoor.SERVLET)) {
            if (s.section().equals(LEDGER)) {
                text(config, PREFIX + s.path()).ifPresent(value -> ledger.put(s.key(), value));
            }
        }
        return new FilterSettings(
                file,
                text(config, RESOURCE),
                realm,
                flag(config, ALLOW_QUERY_TOKEN),
                flag(config, ALLOW_FORM_TOKEN),
                ledger);
    }

    private static Optional<String> text(FilterConfig config, String name) {
        String value = config.getInitParameter(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw new ConfigurationException(name, "must not be empty");
        }
        return Optional.of(value.strip());
    }

    private static boolean flag(FilterConfig config, String name) {
        String value = config.getInitParameter(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(name, "must be true or false");
        };
    }
}
