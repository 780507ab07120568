package dev.keyfence.internal.json;

/** Input that is not strict JSON. The message gives the problem and offset, never the input. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message, null, false, false);
    }
}
