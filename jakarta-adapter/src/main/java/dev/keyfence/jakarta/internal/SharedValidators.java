package dev.keyfence.jakarta.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.config.ConfigDocument;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validator per configuration file and ledger per web application: filters that read the
 * same file with the same {@code keyfence.ledger.*} init parameters share its key caches and
 * run-time revocations, each with its own resource profile; filters with different ledgers never
 * share a validator.
 */
public final class SharedValidators {
    private static final String PREFIX = "dev.keyfence.jakarta.validator:";
    private static final Object LOCK = new Object();

    /** A loaded configuration with the validator built from it. */
    public record Loaded(KeyfenceConfig config, TokenValidator validator) {}

    private SharedValidators() {}

    /**
     * The validator for a file and the filter's ledger parameters, built on first use and kept
     * as a context attribute.
     *
     * @throws ConfigurationException naming the init parameter, or the file's setting with the
     *                                file, when the configuration cannot be used
     */
    public static Loaded forFile(ServletContext context, Path file, FilterSettings settings) {
        Path key = file.toAbsolutePath().normalize();
        Map<String, String> ledger = settings.ledger();
        String attribute = PREFIX + key + (ledger.isEmpty() ? "" : " ledger " + ledger);
        synchronized (LOCK) {
            if (context.getAttribute(attribute) instanceof Loaded loaded) {
                return loaded;
            }
            Object tree;
            try {
                tree = ConfigDocument.read(key);
            } catch (ConfigurationException e) {
                throw named(e, settings, file);
            }
            Object withLedger = withLedger(tree, ledger, key);
            Loaded loaded;
            try {
                KeyfenceConfig config = KeyfenceConfig.fromTree(withLedger, ConfigDocument.baseDir(key));
                loaded = new Loaded(config, TokenValidator.create(config));
            } catch (ConfigurationException e) {
                throw named(e, settings, file);
            }
            context.setAttribute(attribute, loaded);
            return loaded;
        }
    }

    /** The file's tree with the {@code ledger:} section the init parameters give, if they give one. */
    private static Object withLedger(Object tree, Map<String, String> ledger, Path file) {
        if (ledger.isEmpty() || !(tree instanceof Map<?, ?> map)) {
            return tree;
        }
        if (map.containsKey("ledger")) {
            String parameter =
                    FilterSettings.ledgerParameter(ledger.keySet().iterator().next());
            throw new ConfigurationException(
                    parameter,
                    "the file " + file + " has a ledger: section already;" + " give the ledger in one place");
        }
        Map<Object, Object> out = new LinkedHashMap<>(map);
        out.put("ledger", new LinkedHashMap<>(ledger));
        return out;
    }

    private static ConfigurationException named(ConfigurationException e, FilterSettings settings, Path file) {
        if (!e.namesSetting()) {
            return e.at(FilterSettings.CONFIG);
        }
        return settings.initParameterFor(e)
                .map(e::at)
                .orElseGet(() -> new ConfigurationException(e.setting(), e.problem() + " (in " + file + ")", e));
    }
}
