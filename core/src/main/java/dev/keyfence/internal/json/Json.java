package dev.keyfence.internal.json;

import dev.keyfence.json.JsonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser for untrusted input (RFC 8259): no duplicate member names, no trailing
 * content, bounded nesting, exact escapes (ASCII hex digits only in <code>&#92;u</code>, no lone surrogate,
 * escaped or raw), strict UTF-8. Objects become {@code Map<String,Object>} (insertion
 * ordered, unmodifiable), arrays {@code List<Object>}, integers that fit {@code Long}, other
 * numbers {@code Double}, {@code null} the {@link #NULL} sentinel. Objects of up to
 * {@link JsonObject#MAX_MEMBERS} members are compact array-backed maps. It reads UTF-8 bytes:
 * a token's decoded header and payload as they are, text as its UTF-8 encoding.
 */
public final class Json {
    /** Stands for JSON {@code null}, so that "present but null" differs from "absent". */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 32;

    /** An empty object, shared. */
    private static final Map<String, Object> EMPTY_OBJECT = new JsonObject(new Object[0], false);
    /**
     * Per-thread stack of the members of the objects being parsed (name, value, ...), so that an
     * object allocates only its exact member array. At most {@link #MAX_DEPTH} levels of
     * {@link JsonObject#MAX_MEMBERS} members are ever on it; cleared as each object is done.
     */
    private static final ThreadLocal<Object[]> MEMBERS = ThreadLocal.withInitial(() -> new Object[32]);

    /** UTF-8 bytes; only bytes inside strings may be non-ASCII. */
    private final byte[] s;
    /** The end of the input in {@link #s}. */
    private final int end;

    private int pos;
    private int depth;
    private Object[] stack;
    private int top;
    /** JSON nulls read so far, so that each object knows whether it holds one. */
    private int nulls;

    private Json(byte[] utf8) {
        this.s = utf8;
        this.end = utf8.length;
        this.stack = MEMBERS.get();
    }

    /** Parses one JSON value filling the whole text. */
    public static Object parse(String text) throws JsonException {
        return parse(utf8(text));
    }

    /**
     * Parses one JSON value filling all of {@code utf8}, which must be strict UTF-8: a malformed
     * sequence, an overlong form or an encoded surrogate inside a string is refused.
     */
    public static Object parse(byte[] utf8) throws JsonException {
        Json p = new Json(utf8);
        try {
            p.skipWs();
            Object v = p.value();
            p.skipWs();
            if (p.pos != p.end) {
                throw p.error("trailing content");
            }
            return v;
        } finally {
            if (p.top > 0) { // refused midway: keep nothing of the input on the thread's stack
                p.pop(0);
            }
        }
    }

    /** Parses a JSON object filling the whole text. */
    public static Map<String, Object> parseObject(String text) throws JsonException {
        return parseObject(utf8(text));
    }

    /** Parses a JSON object filling all of the strict UTF-8 {@code utf8}; see {@link #parse(byte[])}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] utf8) throws JsonException {
        Object v = parse(utf8);
        if (!(v instanceof Map)) {
            throw new JsonException("not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    /**
     * The text's UTF-8 encoding; a lone surrogate, which has none (the JDK would write '?' for
     * it), is refused.
     */
    private static byte[] utf8(String text) throws JsonException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new JsonException("lone surrogate at offset " + i);
                }
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Object value() throws JsonException {
        if (pos >= end) {
            throw error("unexpected end");
        }
        int c = s[pos];
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string(false);
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                nulls++;
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private Map<String, Object> object() throws JsonException {
        enter();
        pos++;
        skipWs();
        if (peek() == '}') {
            pos++;
            depth--;
            return EMPTY_OBJECT;
        }
        int start = top;
        int nullsBefore = nulls;
        Map<String, Object> large = null; // past JsonObject.MAX_MEMBERS members
        while (true) {
            skipWs();
            if (peek() != '"') {
                throw error("expected member name");
            }
            String name = string(true);
            skipWs();
            expect(':');
            skipWs();
            Object v = value();
            if (large == null) {
                int hash = name.hashCode();
                for (int i = start; i < top; i += 2) {
                    if (stack[i].hashCode() == hash && name.equals(stack[i])) {
                        throw error("duplicate member name");
                    }
                }
                if (top - start == 2 * JsonObject.MAX_MEMBERS) {
                    large = new LinkedHashMap<>();
                    for (int i = start; i < top; i += 2) {
                        large.put((String) stack[i], stack[i + 1]);
                    }
                    pop(start);
                    large.put(name, v);
                } else {
                    push(name, v);
                }
            } else if (large.putIfAbsent(name, v) != null) {
                throw error("duplicate member name");
            }
            skipWs();
            int c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
        depth--;
        if (large != null) {
            return Collections.unmodifiableMap(large);
        }
        Object[] members = java.util.Arrays.copyOfRange(stack, start, top);
        pop(start);
        return new JsonObject(members, nulls > nullsBefore);
    }

    /** True when {@code value} is JSON {@code null} or holds one at any depth. */
    public static boolean holdsNull(Object value) {
        if (value == NULL) {
            return true;
        }
        if (value instanceof JsonObject o) {
            return o.holdsNull();
        }
        if (value instanceof Map<?, ?> m) {
            return anyHoldsNull(m.values());
        }
        return value instanceof List<?> l && anyHoldsNull(l);
    }

    private static boolean anyHoldsNull(java.util.Collection<?> values) {
        for (Object v : values) {
            if (holdsNull(v)) {
                return true;
            }
        }
        return false;
    }

    private void push(String name, Object value) {
        if (top + 2 > stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            MEMBERS.set(stack);
        }
        stack[top++] = name;
        stack[top++] = value;
    }

    /** Drops the members above {@code start}, keeping no reference to them. */
    private void pop(int start) {
        java.util.Arrays.fill(stack, start, top, null);
        top = start;
    }

    private List<Object> array() throws JsonException {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWs();
            list.add(value());
            skipWs();
            int c = next();
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
        depth--;
        return Collections.unmodifiableList(list);
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    /** A string; {@code name}: a member name, handed out shared when it is a {@link KnownNames known} one. */
    private String string(boolean name) throws JsonException {
        pos++; // opening quote
        int start = pos;
        // fast path: printable ASCII without escapes (a negative byte is non-ASCII)
        while (pos < end) {
            byte b = s[pos];
            if (b == '"') {
                int stop = pos++;
                return name || stop - start <= 7
                        ? KnownNames.of(s, start, stop)
                        : new String(s, start, stop - start, StandardCharsets.ISO_8859_1);
            }
            if (b < 0x20 || b == '\\') {
                break; // control characters, escapes and non-ASCII: below
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(end - start);
        sb.append(new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
        while (true) {
            if (pos >= end) {
                throw error("unterminated string");
            }
            byte b = s[pos];
            if (b < 0) {
                utf8Run(sb);
                continue;
            }
            pos++;
            if (b == '"') {
                return sb.toString();
            }
            if (b < 0x20) {
                throw error("control character in string");
            }
            if (b != '\\') {
                sb.append((char) b);
                continue;
            }
            if (pos >= end) {
                throw error("unterminated escape");
            }
            byte e = s[pos++];
            switch (e) {
                case '"':
                    sb.append('"');
                    break;
                case '\\':
                    sb.append('\\');
                    break;
                case '/':
                    sb.append('/');
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'u':
                    char unit = unicodeEscape();
                    if (Character.isHighSurrogate(unit)) {
                        if (pos + 1 >= end || s[pos] != '\\' || s[pos + 1] != 'u') {
                            throw error("lone surrogate escape");
                        }
                        pos += 2;
                        char low = unicodeEscape();
                        if (!Character.isLowSurrogate(low)) {
                            throw error("lone surrogate escape");
                        }
                        sb.append(unit).append(low);
                    } else if (Character.isLowSurrogate(unit)) {
                        throw error("lone surrogate escape");
                    } else {
                        sb.append(unit);
                    }
                    break;
                default:
                    throw error("bad escape");
            }
        }
    }

    /**
     * Appends the run of non-ASCII bytes at {@code pos}, decoded as strict UTF-8. Every byte of a
     * multi-byte UTF-8 sequence is non-ASCII, so a valid run holds whole sequences; the JDK's
     * decoder refuses malformed and truncated ones, overlong forms and encoded surrogates.
     */
    private void utf8Run(StringBuilder sb) throws JsonException {
        int start = pos;
        while (pos < end && s[pos] < 0) {
            pos++;
        }
        try {
            sb.append(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s, start, pos - start)));
        } catch (CharacterCodingException e) {
            pos = start;
            throw error("string is not UTF-8");
        }
    }

    /**
     * The UTF-16 unit of the four hex digits after <code>&#92;u</code>. Only ASCII hex digits count: a
     * fullwidth or other Unicode digit is not hex (fullwidth digits never spell {@code "iss"}).
     */
    private char unicodeEscape() throws JsonException {
        if (pos + 4 > end) {
            throw error("short unicode escape");
        }
        int cp = 0;
        for (int i = 0; i < 4; i++) {
            int d = hexDigit(s[pos++]);
            if (d < 0) {
                throw error("bad unicode escape");
            }
            cp = (cp << 4) | d;
        }
        return (char) cp;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private Object number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("bad number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("bad number");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("bad number");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (integral && pos - start <= 18) {
            return digits(start); // no string: NumericDates are on every token
        }
        String text = new String(s, start, pos - start, StandardCharsets.ISO_8859_1);
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw error("number out of range");
        }
        if (integral && d >= Long.MIN_VALUE && d <= Long.MAX_VALUE) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                return d;
            }
        }
        return d;
    }

    /** The value of the integer of at most 18 characters (an optional '-' and digits) from {@code start} to {@code pos}. */
    private Long digits(int start) {
        boolean negative = s[start] == '-';
        long v = 0;
        for (int i = negative ? start + 1 : start; i < pos; i++) {
            v = v * 10 + (s[i] - '0');
        }
        return negative ? -v : v;
    }

    private Object literal(String word, Object v) throws JsonException {
        if (pos + word.length() > end) {
            throw error("bad literal");
        }
        for (int i = 0; i < word.length(); i++) {
            if (s[pos + i] != word.charAt(i)) {
                throw error("bad literal");
            }
        }
        pos += word.length();
        return v;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The byte at {@code pos} (negative for non-ASCII), or 0 at the end. */
    private int peek() {
        return pos < end ? s[pos] : '\0';
    }

    private int next() throws JsonException {
        if (pos >= end) {
            throw error("unexpected end");
        }
        return s[pos++];
    }

    private void expect(char c) throws JsonException {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipWs() {
        while (pos < end) {
            int c = s[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private JsonException error(String what) {
        return new JsonException(what + " at offset " + pos);
    }
}
