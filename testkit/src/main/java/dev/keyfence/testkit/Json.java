package dev.keyfence.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

/**
 * A small, deterministic JSON writer for test fixtures.
 *
 * <p>Writes {@link Map} (members in iteration order; use a {@link java.util.LinkedHashMap}),
 * {@link Iterable}, object arrays, {@link CharSequence}, {@link Number}, {@link Boolean},
 * {@code null}, {@link Instant} (as NumericDate: whole seconds since the epoch) and
 * {@link RawJson} (copied verbatim). Anything else is an {@link IllegalArgumentException}.
 *
 * <p>Not core's {@code JsonWriter}: core's tests depend on this module, so it cannot depend on core.
 * Strings are written as they are given (a lone surrogate stays one), so fixtures can carry odd input.
 */
public final class Json {

    private Json() {}

    /**
     * Serializes a value to compact JSON text.
     *
     * @param value the value, see the class comment for supported types
     * @return compact JSON text
     * @throws IllegalArgumentException for an unsupported type or a non-finite number
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof RawJson raw) {
            out.append(raw.text());
        } else if (value instanceof CharSequence s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Instant i) {
            out.append(i.getEpochSecond());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Object[] items) {
            write(java.util.Arrays.asList(items), out);
        } else {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void number(Number n, StringBuilder out) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(new BigDecimal(n.toString()).toString());
        } else if (n instanceof BigDecimal
                || n instanceof BigInteger
                || n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte) {
            out.append(n.toString());
        } else {
            out.append(new BigDecimal(n.toString()).toString());
        }
    }

    private static void string(CharSequence s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
