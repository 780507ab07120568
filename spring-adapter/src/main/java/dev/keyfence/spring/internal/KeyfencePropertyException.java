package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Keyfence setting given to Spring is invalid. The message starts with the Spring property
 * name ({@code keyfence.resource.clock-skew: ...}); nothing was built from the configuration.
 */
public final class KeyfencePropertyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String property;
    private final @Nullable String origin;

    public KeyfencePropertyException(String property, String problem, ConfigurationException cause) {
        this(property, problem, Optional.empty(), cause);
    }

    public KeyfencePropertyException(
            String property, String problem, Optional<String> origin, ConfigurationException cause) {
        super(property + ": " + problem, cause);
        this.property = property;
        this.origin = origin.orElse(null);
    }

    /** The offending property, e.g. {@code keyfence.issuers[0].tenants} or {@code keyfence.config}. */
    public String property() {
        return property;
    }

    /** Where the property was set, when Spring knows (a file and line, an environment variable). */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }
}
