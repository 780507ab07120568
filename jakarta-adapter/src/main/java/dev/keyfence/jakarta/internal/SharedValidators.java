package dev.keyfence.jakarta.internal;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;

/**
 * One validator per configuration file per web application: filters that read the same file
 * share its key caches and run-time revocations, each with its own resource profile.
 */
public final class SharedValidators {
    private static final String PREFIX = "dev.keyfence.jakarta.validator:";
    private static final Object LOCK = new Object();

    /** A loaded configuration with the validator built from it. */
    public record Loaded(KeyfenceConfig config, TokenValidator validator) {
    }

    private SharedValidators() {
    }

    /**
     * The validator for a file, built on first use and kept as a context attribute.
     *
     * @throws dev.keyfence.ConfigurationException naming the setting when the file cannot be used
     */
    public static Loaded forFile(ServletContext context, Path file) {
        Path key = file.toAbsolutePath().normalize();
        String attribute = PREFIX + key;
        synchronized (LOCK) {
            if (context.getAttribute(attribute) instanceof Loaded loaded) {
                return loaded;
            }
            KeyfenceConfig config = KeyfenceConfig.load(key);
            Loaded loaded = new Loaded(config, TokenValidator.create(config));
            context.setAttribute(attribute, loaded);
            return loaded;
        }
    }
}
