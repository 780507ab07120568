package dev.keyfence.internal.paths;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a request path as sent (percent-encoded) into the one path every server would route,
 * or refuses it when servers could disagree: an encoded {@code /}, {@code \}, {@code .},
 * {@code %} or {@code ;}, path parameters, dot segments, empty segments, control characters,
 * bad escapes or bad UTF-8.
 */
public final class RequestPathDecoder {
    /** Longest path considered; longer ones are refused. */
    public static final int MAX_LENGTH = 8192;

    /** A decoded path, or why there is none. */
    public record Decoded(String path, String problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private RequestPathDecoder() {}

    /** Decodes {@code raw}, the path of a request without query string. */
    public static Decoded decode(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return refused("the path must start with '/'");
        }
        if (raw.length() > MAX_LENGTH) {
            return refused("the path is longer than " + MAX_LENGTH + " characters");
        }
        StringBuilder out = new StringBuilder(raw.length());
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return refused("a '%' not followed by two hex digits");
                }
                int b = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                if (forbiddenEncoded((char) b)) {
                    return refused("an encoded " + PathSyntax.describe((char) b));
                }
                bytes.put((byte) b);
                i += 2;
                continue;
            }
            if (forbiddenRaw(c)) {
                return refused("a " + PathSyntax.describe(c) + " in the path");
            }
            if (bytes.position() > 0 && !flush(bytes, out)) {
                return refused("encoded bytes that are not UTF-8");
            }
            out.append(c);
        }
        if (bytes.position() > 0 && !flush(bytes, out)) {
            return refused("encoded bytes that are not UTF-8");
        }
        String path = out.toString();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() && i < segments.length - 1) {
                return refused("an empty segment (\"//\")");
            }
            if (s.equals(".") || s.equals("..")) {
                return refused("a '.' or '..' segment");
            }
        }
        return new Decoded(path, "");
    }

    /** Characters that, encoded, some server would treat as structure (or that no path holds). */
    private static boolean forbiddenEncoded(char c) {
        return c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '.' || c == '%' || c == ';';
    }

    /** Characters that may not appear unencoded in a request path. */
    private static boolean forbiddenRaw(char c) {
        return c <= 0x20 || c == 0x7f || c == '\\' || c == ';' || c == '?' || c == '#';
    }

    private static boolean flush(ByteBuffer bytes, StringBuilder out) {
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(bytes);
            out.append(chars);
        } catch (CharacterCodingException e) {
            return false;
        }
        bytes.clear();
        return true;
    }

    private static int hex(char c) {
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

    private static Decoded refused(String problem) {
        return new Decoded("", problem);
    }
}
