package dev.keyfence.jakarta.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.CredentialPolicy;
import jakarta.servlet.FilterConfig;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * The filter's init parameters, read strictly: an unknown {@code keyfence.*} parameter or a bad
 * value is a {@link ConfigurationException} naming the parameter.
 */
public record FilterSettings(Optional<String> configFile, Optional<String> resource, Optional<String> realm,
                             boolean allowQueryToken, boolean allowFormToken) {
    public static final String CONFIG = "keyfence.config";
    public static final String RESOURCE = "keyfence.resource";
    public static final String REALM = "keyfence.realm";
    public static final String ALLOW_QUERY_TOKEN = "keyfence.allow-query-token";
    public static final String ALLOW_FORM_TOKEN = "keyfence.allow-form-token";
    private static final Set<String> KNOWN = Set.of(CONFIG, RESOURCE, REALM, ALLOW_QUERY_TOKEN, ALLOW_FORM_TOKEN);

    /** The credential policy these settings describe. */
    public CredentialPolicy credentialPolicy() {
        CredentialPolicy.Builder b = CredentialPolicy.builder().allowQueryToken(allowQueryToken)
                .allowFormToken(allowFormToken);
        realm.ifPresent(b::realm);
        return b.build();
    }

    /** Reads the init parameters; the config file falls back to the system property {@code keyfence.config}. */
    public static FilterSettings read(FilterConfig config) {
        for (String name : Collections.list(config.getInitParameterNames())) {
            if (name.startsWith("keyfence.") && !KNOWN.contains(name)) {
                throw new ConfigurationException(name, "unknown init parameter (known: " + new java.util.TreeSet<>(KNOWN) + ")");
            }
        }
        Optional<String> file = text(config, CONFIG).or(() -> Optional.ofNullable(System.getProperty(CONFIG))
                .map(String::strip).filter(s -> !s.isEmpty()));
        Optional<String> realm = text(config, REALM);
        if (realm.isPresent() && !CredentialPolicy.isQuotable(realm.get())) {
            throw new ConfigurationException(REALM, "must be printable ASCII without '\"' or '\\'");
        }
        return new FilterSettings(file, text(config, RESOURCE), realm,
                flag(config, ALLOW_QUERY_TOKEN), flag(config, ALLOW_FORM_TOKEN));
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
