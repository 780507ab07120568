package dev.keyfence.json;

/** Input that is not strict JSON. The message gives the problem and offset, never the input. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}, without a stack trace (the problem is in the input, not the code). */
    public JsonException(String message) {
        super(message, null, false, false);
    }
}
