package dev.keyfence.json;

import dev.keyfence.internal.json.Json;
import java.util.Map;

/**
 * The library's strict JSON reader (RFC 8259), for the JSON Keyfence writes and for untrusted
 * input alike: no duplicate member names, no trailing content, bounded nesting, exact escapes.
 * Objects are unmodifiable insertion-ordered {@code Map<String, Object>}, arrays unmodifiable
 * {@code List<Object>}, integers that fit a {@code long} are {@code Long}, other numbers
 * {@code Double}, and JSON {@code null} is the {@link #NULL} value.
 */
public final class JsonReader {
    /** Stands for JSON {@code null}, so that a member that is present but null differs from one that is absent. */
    public static final Object NULL = Json.NULL;

    private JsonReader() {}

    /**
     * The one JSON value that fills {@code text}.
     *
     * @throws JsonException when the text is not strict JSON; the message never quotes the input
     */
    public static Object parse(String text) throws JsonException {
        return Json.parse(text);
    }

    /**
     * The JSON object that fills {@code text}.
     *
     * @throws JsonException when the text is not strict JSON or not an object
     */
    public static Map<String, Object> parseObject(String text) throws JsonException {
        return Json.parseObject(text);
    }
}
