package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Names a Keyfence setting the way the user wrote it to Spring: core's {@code issuers[contoso].jwks-uri}
 * becomes {@code keyfence.issuers[0].jwks-uri} (by the issuer's position that core reports), and a setting core names only by its section (an
 * unknown {@code issuer}) becomes the first property actually given below it
 * ({@code keyfence.issuer[0].issuer}), with where it came from.
 */
public final class SpringPropertyNames {
    private static final String PREFIX = "keyfence";
    private static final String LOOPBACK_HINT = "jwks.allow-http-loopback: true";

    private SpringPropertyNames() {}

    /** A property name and, when known, where it was set (a file and line, an environment variable). */
    public record Written(String property, Optional<String> origin) {}

    /**
     * The Spring property for a core configuration error: a problem with one issuer's setting is
     * named by the position core reports for that issuer ({@link ConfigurationException#issuerIndex()},
     * e.g. {@code keyfence.issuers[1].issuer}), never by matching issuer names; any other setting
     * is {@code keyfence.} and its configuration-file name; a problem with the whole
     * configuration is {@code keyfence}.
     */
    public static String propertyFor(ConfigurationException e) {
        if (!e.namesSetting()) {
            return PREFIX;
        }
        OptionalInt issuer = e.issuerIndex();
        Optional<String> key = e.issuerKey();
        if (issuer.isPresent() && key.isPresent()) {
            return PREFIX + ".issuers[" + issuer.getAsInt() + "]." + key.get();
        }
        return PREFIX + "." + e.setting();
    }

    /**
     * The property as the user gave it: {@code property} itself when it was set, else the first
     * property set below it, else {@code property}.
     */
    public static Written asWritten(String property, Environment environment) {
        ConfigurationPropertyName wanted = ConfigurationPropertyName.adapt(property, '.');
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty exact = source.getConfigurationProperty(wanted);
            if (exact != null) {
                return new Written(property, origin(exact));
            }
            if (source instanceof IterableConfigurationPropertySource iterable) {
                Optional<ConfigurationPropertyName> below =
                        iterable.stream().filter(wanted::isAncestorOf).findFirst();
                if (below.isPresent()) {
                    ConfigurationProperty given = source.getConfigurationProperty(below.get());
                    return new Written(below.get().toString(), given == null ? Optional.empty() : origin(given));
                }
            }
        }
        return new Written(property, Optional.empty());
    }

    /** Up to {@code max} {@code keyfence.*} properties that are set, as written. */
    public static List<String> given(Environment environment, int max) {
        ConfigurationPropertyName root = ConfigurationPropertyName.of(PREFIX);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream()
                        .filter(root::isAncestorOf)
                        .map(ConfigurationPropertyName::toString)
                        .forEach(names::add);
            }
        }
        return names.stream().limit(max).toList();
    }

    /** Core's problem text with its hints in Spring's property syntax. */
    public static String problem(String problem) {
        String text = problem.replace(LOOPBACK_HINT, "keyfence.jwks.allow-http-loopback=true");
        if (text.contains("plain http") && !text.contains("keyfence.jwks.allow-http-loopback")) {
            text += " (keyfence.jwks.allow-http-loopback=true allows plain http to 127.0.0.1 or ::1 only)";
        }
        return text;
    }

    private static Optional<String> origin(ConfigurationProperty property) {
        return Optional.ofNullable(property.getOrigin()).map(Object::toString);
    }
}
