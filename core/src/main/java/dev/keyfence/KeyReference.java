package dev.keyfence;

import java.util.Objects;

/**
 * Names a key by {@code kid} or by RFC 7638 SHA-256 thumbprint, written {@code kid:VALUE} or
 * {@code jkt:VALUE} in configuration.
 */
public record KeyReference(Kind kind, String value) {
    /** How the key is named. */
    public enum Kind {
        KID,
        THUMBPRINT
    }

    public KeyReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a key reference needs a value");
        }
    }

    public static KeyReference kid(String kid) {
        return new KeyReference(Kind.KID, kid);
    }

    public static KeyReference thumbprint(String jkt) {
        return new KeyReference(Kind.THUMBPRINT, jkt);
    }

    /**
     * Parses {@code kid:VALUE} or {@code jkt:VALUE}.
     *
     * @throws ConfigurationException naming {@code setting} when the text has neither prefix
     */
    public static KeyReference parse(String text, String setting) {
        if (text != null && text.startsWith("kid:") && text.length() > 4) {
            return kid(text.substring(4));
        }
        if (text != null && text.startsWith("jkt:") && text.length() > 4) {
            return thumbprint(text.substring(4));
        }
        throw new ConfigurationException(setting, "expected \"kid:VALUE\" or \"jkt:THUMBPRINT\"");
    }

    @Override
    public String toString() {
        return (kind == Kind.KID ? "kid:" : "jkt:") + value;
    }
}
