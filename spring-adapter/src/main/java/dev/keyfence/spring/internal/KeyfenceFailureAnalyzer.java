package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains a startup failure caused by an invalid Keyfence setting, naming the property as it was
 * written, in place of a stack trace. Handles a {@link KeyfencePropertyException} and, should one
 * escape unnamed, a core {@link ConfigurationException}.
 */
public final class KeyfenceFailureAnalyzer implements FailureAnalyzer {
    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        KeyfencePropertyException property = find(failure, KeyfencePropertyException.class);
        if (property != null) {
            String where = property.origin().map(o -> " (set in " + o + ")").orElse("");
            String message = java.util.Objects.requireNonNullElse(property.getMessage(), property.property());
            return new FailureAnalysis(
                    "Keyfence configuration is invalid: " + message + where,
                    action(property.property(), message),
                    property);
        }
        ConfigurationException config = find(failure, ConfigurationException.class);
        if (config != null) {
            String name = config.namesSetting() ? "keyfence." + config.setting() : "keyfence";
            String problem = SpringPropertyNames.problem(config.problem());
            return new FailureAnalysis(
                    "Keyfence configuration is invalid: " + name + ": " + problem, action(name, problem), config);
        }
        return null;
    }

    private static String action(String property, String message) {
        String loopback = message.contains("plain http")
                ? " Keys travel over https; only for a key server on this machine set"
                        + " keyfence.jwks.allow-http-loopback=true (plain http to 127.0.0.1 or ::1, never elsewhere)."
                : "";
        return "Fix the property '" + property + "'." + loopback + " Keyfence builds no validator from a bad"
                + " configuration; see the keyfence.* properties in the Keyfence Spring README.";
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
