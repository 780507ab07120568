package dev.keyfence.testkit;

import java.util.Objects;

/**
 * JSON text that {@link Json#write(Object)} copies verbatim, unchecked.
 *
 * <p>Use it to place deliberately broken or hostile JSON (duplicate members,
 * deep nesting, invalid numbers) inside otherwise well-formed output.
 *
 * @param text the JSON text to emit as-is
 */
public record RawJson(String text) {

    /** Rejects a null text. */
    public RawJson {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Wraps JSON text for verbatim output.
     *
     * @param text JSON text, not validated
     * @return the wrapper
     */
    public static RawJson of(String text) {
        return new RawJson(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
