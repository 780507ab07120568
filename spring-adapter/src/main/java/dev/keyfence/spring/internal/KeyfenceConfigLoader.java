package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.config.FrontDoor;
import dev.keyfence.config.SettingsRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the Keyfence configuration from Spring's environment: the YAML file named by
 * {@code keyfence.config}, or else the {@code keyfence.*} properties, which use the names of the
 * YAML file. Every error names the Spring property as it was written.
 */
public final class KeyfenceConfigLoader {
    /** The property naming a YAML configuration file. */
    public static final String CONFIG_PROPERTY = "keyfence.config";

    private static final String PREFIX = "keyfence";

    /**
     * The top-level names of the registry's Spring-only settings that no file setting shares
     * ({@code config}, {@code drill}): taken out before the tree goes to core.
     */
    private static final Set<String> SPRING_ONLY_SECTIONS = SettingsRegistry.at(FrontDoor.SPRING).stream()
            .filter(s -> !s.at(FrontDoor.FILE))
            .map(s -> s.path().contains(".") ? s.path().substring(0, s.path().indexOf('.')) : s.path())
            .filter(top -> !SettingsRegistry.keysIn("").contains(top))
            .collect(Collectors.toUnmodifiableSet());

    private KeyfenceConfigLoader() {}

    /**
     * True when the environment sets any {@code keyfence.*} property: Keyfence then either starts
     * from it or fails startup naming what is wrong, so a misspelt property never leaves the
     * application running without Keyfence.
     */
    public static boolean isConfigured(Environment environment) {
        if (environment.getProperty(CONFIG_PROPERTY) != null) {
            return true;
        }
        return bound(environment).map(tree -> !tree.isEmpty()).orElse(false);
    }

    /**
     * The configuration, validated by core.
     *
     * @throws KeyfencePropertyException naming the offending property
     */
    public static KeyfenceConfig load(Environment environment) {
        String file = environment.getProperty(CONFIG_PROPERTY);
        Map<String, Object> tree = new LinkedHashMap<>(bound(environment).orElse(Map.of()));
        SPRING_ONLY_SECTIONS.forEach(tree::remove); // keyfence.config, keyfence.drill.*: not part of the policy
        withoutUseDataSource(tree);
        if (file != null) {
            if (file.isBlank()) {
                throw new KeyfencePropertyException(
                        CONFIG_PROPERTY,
                        "must name a YAML file",
                        ConfigurationException.ofWholeConfiguration("(file)", "empty"));
            }
            if (!tree.isEmpty()) {
                String other = SpringPropertyNames.asWritten(
                                PREFIX + "." + tree.keySet().iterator().next(), environment)
                        .property();
                throw new KeyfencePropertyException(
                        CONFIG_PROPERTY,
                        "give either a configuration file or " + "keyfence.* settings, not both (also set: " + other
                                + ")",
                        new ConfigurationException(other, "conflicts with keyfence.config"));
            }
            try {
                return KeyfenceConfig.load(Path.of(file));
            } catch (ConfigurationException e) {
                throw new KeyfencePropertyException(CONFIG_PROPERTY, "file " + file + ": " + e.getMessage(), e);
            }
        }
        Object normalised = PropertyTree.normalise(tree);
        try {
            return KeyfenceConfig.fromTree(normalised, Path.of("").toAbsolutePath());
        } catch (ConfigurationException e) {
            if (e.setting().equals("issuers") && !tree.containsKey("issuers")) {
                throw new KeyfencePropertyException(
                        PREFIX + ".issuers",
                        "required: at least one trusted issuer."
                                + " Keyfence is on because keyfence.* properties are set ("
                                + String.join(", ", SpringPropertyNames.given(environment, 5))
                                + "); is one of them misspelt?",
                        e);
            }
            throw asProperty(environment, SpringPropertyNames.propertyFor(e), e);
        }
    }

    /**
     * The validator for a policy read by {@link #load}; a setting that only building it can judge
     * (a plain-http key source, say) fails naming the property.
     *
     * @throws KeyfencePropertyException naming the offending property
     */
    public static TokenValidator validator(Environment environment, ValidationPolicy.Builder policy) {
        ValidationPolicy built;
        try {
            built = policy.build();
        } catch (ConfigurationException e) {
            throw named(environment, e);
        }
        try {
            return TokenValidator.create(built);
        } catch (ConfigurationException e) {
            throw named(environment, e);
        }
    }

    /**
     * A configuration error found after loading (by an adapter's own check), named as the
     * property the user wrote, or as {@code keyfence.config} when a file is in use.
     */
    public static KeyfencePropertyException named(Environment environment, ConfigurationException e) {
        String file = environment.getProperty(CONFIG_PROPERTY);
        if (file != null) {
            return new KeyfencePropertyException(
                    CONFIG_PROPERTY,
                    "file " + file + ": " + SpringPropertyNames.problem(String.valueOf(e.getMessage())),
                    e);
        }
        return asProperty(environment, SpringPropertyNames.propertyFor(e), e);
    }

    private static KeyfencePropertyException asProperty(
            Environment environment, String property, ConfigurationException e) {
        SpringPropertyNames.Written written = SpringPropertyNames.asWritten(property, environment);
        return new KeyfencePropertyException(
                written.property(), SpringPropertyNames.problem(e.problem()), written.origin(), e);
    }

    /** The names {@code keyfence.ledger.use-datasource} may be bound under. */
    private static final java.util.List<String> USE_DATASOURCE =
            java.util.List.of("use-datasource", "useDatasource", "use_datasource", "usedatasource");

    /**
     * Takes the Spring-only {@code keyfence.ledger.use-datasource} switch out of the tree handed
     * to core (read by {@code KeyfenceLedgerAutoConfiguration}); a {@code ledger} section holding
     * nothing else is dropped.
     */
    @SuppressWarnings("unchecked")
    private static void withoutUseDataSource(Map<String, Object> tree) {
        if (tree.get("ledger") instanceof Map<?, ?> ledger
                && USE_DATASOURCE.stream().anyMatch(ledger::containsKey)) {
            Map<String, Object> rest = new LinkedHashMap<>((Map<String, Object>) ledger);
            USE_DATASOURCE.forEach(rest::remove);
            if (rest.isEmpty()) {
                tree.remove("ledger");
            } else {
                tree.put("ledger", rest);
            }
        }
    }

    private static Optional<Map<String, Object>> bound(Environment environment) {
        return Optional.ofNullable(Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .orElse(null));
    }
}
