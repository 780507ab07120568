package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the Keyfence configuration from Spring's environment: the YAML file named by
 * {@code keyfence.config}, or else the {@code keyfence.*} properties, which use the names of the
 * YAML file. Every error names the Spring property.
 */
public final class KeyfenceConfigLoader {
    /** The property naming a YAML configuration file. */
    public static final String CONFIG_PROPERTY = "keyfence.config";
    private static final String PREFIX = "keyfence";

    private KeyfenceConfigLoader() {
    }

    /** True when the environment configures Keyfence (a config file or {@code keyfence.issuers}). */
    public static boolean isConfigured(Environment environment) {
        if (environment.getProperty(CONFIG_PROPERTY) != null) {
            return true;
        }
        return bound(environment).map(tree -> tree.containsKey("issuers")).orElse(false);
    }

    /**
     * The configuration, validated by core.
     *
     * @throws KeyfencePropertyException naming the offending property
     */
    public static KeyfenceConfig load(Environment environment) {
        String file = environment.getProperty(CONFIG_PROPERTY);
        Map<String, Object> tree = new LinkedHashMap<>(bound(environment).orElse(Map.of()));
        tree.remove("config");
        withoutUseDataSource(tree);
        if (file != null) {
            if (file.isBlank()) {
                throw new KeyfencePropertyException(CONFIG_PROPERTY, "must name a YAML file",
                        new ConfigurationException("(file)", "empty"));
            }
            if (!tree.isEmpty()) {
                String other = PREFIX + "." + tree.keySet().iterator().next();
                throw new KeyfencePropertyException(CONFIG_PROPERTY, "give either a configuration file or "
                        + "keyfence.* settings, not both (also set: " + other + ")",
                        new ConfigurationException(other, "conflicts with keyfence.config"));
            }
            try {
                return KeyfenceConfig.load(Path.of(file));
            } catch (ConfigurationException e) {
                throw new KeyfencePropertyException(CONFIG_PROPERTY, "file " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            return KeyfenceConfig.fromTree(PropertyTree.normalise(tree), Path.of("").toAbsolutePath());
        } catch (ConfigurationException e) {
            throw asProperty(e.setting(), e.problem(), e);
        }
    }

    /** The names {@code keyfence.ledger.use-datasource} may be bound under. */
    private static final java.util.List<String> USE_DATASOURCE = java.util.List.of("use-datasource", "useDatasource",
            "use_datasource", "usedatasource");

    /**
     * Takes the Spring-only {@code keyfence.ledger.use-datasource} switch out of the tree handed
     * to core (read by {@code KeyfenceLedgerAutoConfiguration}); a {@code ledger} section holding
     * nothing else is dropped.
     */
    @SuppressWarnings("unchecked")
    private static void withoutUseDataSource(Map<String, Object> tree) {
        if (tree.get("ledger") instanceof Map<?, ?> ledger && USE_DATASOURCE.stream().anyMatch(ledger::containsKey)) {
            Map<String, Object> rest = new LinkedHashMap<>((Map<String, Object>) ledger);
            USE_DATASOURCE.forEach(rest::remove);
            if (rest.isEmpty()) {
                tree.remove("ledger");
            } else {
                tree.put("ledger", rest);
            }
        }
    }

    private static KeyfencePropertyException asProperty(String setting, String problem, ConfigurationException e) {
        String property = setting.startsWith("(") ? PREFIX : PREFIX + "." + setting;
        return new KeyfencePropertyException(property, problem, e);
    }

    private static Optional<Map<String, Object>> bound(Environment environment) {
        return Optional.ofNullable(Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class)).orElse(null));
    }
}
