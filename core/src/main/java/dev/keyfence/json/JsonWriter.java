package dev.keyfence.json;

import dev.keyfence.internal.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes maps, lists, strings, numbers, booleans and null as compact JSON: the library's only JSON
 * writer. A map's members keep the map's iteration order; an empty {@code Optional} and
 * {@link JsonReader#NULL} are {@code null}, a present one its value; a number that is not finite
 * is {@code null}; any other object is written as the string of its {@code toString()}.
 */
public final class JsonWriter {
    private JsonWriter() {}

    /** {@code value} as one line of compact JSON, written as the class comment says. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    /** Appends {@code value} to {@code sb} as compact JSON, written as the class comment says. */
    @SuppressWarnings("unchecked")
    public static void append(StringBuilder sb, @Nullable Object value) {
        if (value instanceof Optional<?> o) {
            append(sb, o.orElse(null));
        } else if (value == null || value == Json.NULL) {
            sb.append("null");
        } else if (value instanceof String str) {
            quote(sb, str);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            sb.append(Double.isFinite(d) ? String.valueOf(n) : "null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                append(sb, e.getValue());
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else if (value instanceof Iterable<?> list) {
            sb.append('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                append(sb, it.next());
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append(']');
        } else {
            quote(sb, value.toString());
        }
    }

    /**
     * {@code s} as one JSON string literal: the library's only JSON string escaper. {@code "} and
     * <code>&#92;</code> are escaped, {@code \n \r \t} get their short forms, every other control character
     * and U+2028/U+2029 become <code>&#92;u</code> escapes, and a lone surrogate becomes U+FFFD, so
     * the output is well-formed UTF-16 that the strict parser reads back.
     */
    public static String quote(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    /** Appends {@code s} as one JSON string literal, escaped as {@link #quote(CharSequence)} says. */
    public static void quote(StringBuilder sb, CharSequence s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
