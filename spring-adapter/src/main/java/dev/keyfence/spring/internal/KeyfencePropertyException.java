package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;

/**
 * A Keyfence setting given to Spring is invalid. The message starts with the Spring property
 * name ({@code keyfence.resource.clock-skew: ...}); nothing was built from the configuration.
 */
public final class KeyfencePropertyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String property;

    public KeyfencePropertyException(String property, String problem, ConfigurationException cause) {
        super(property + ": " + problem, cause);
        this.property = property;
    }

    /** The offending property, e.g. {@code keyfence.issuers[0].tenants} or {@code keyfence.config}. */
    public String property() {
        return property;
    }
}
