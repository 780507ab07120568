package dev.keyfence.internal.token;

import dev.keyfence.internal.json.Json;
import dev.keyfence.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Splits and decodes a compact token strictly; see {@link ParsedToken}. */
public final class TokenParser {
    private TokenParser() {}

    /**
     * A compact token whose header and payload are strict JSON objects (an access token), or a
     * five-part JWE / {@code cty: JWT} nested token marked as such.
     *
     * @throws MalformedTokenException when it is not
     */
    public static ParsedToken parse(String token, int maxBytes) throws MalformedTokenException {
        return parse(token, maxBytes, true);
    }

    /**
     * As {@link #parse(String, int)} for the signature layer alone (RFC 7515): the payload may be
     * any bytes, JSON or not, even empty, as long as it is strict base64url; the parsed token then
     * has no claims. The header must still be a strict JSON object.
     *
     * @throws MalformedTokenException when it is not a strict compact JWS
     */
    public static ParsedToken parseSignatureLayer(String token, int maxBytes) throws MalformedTokenException {
        return parse(token, maxBytes, false);
    }

    private static ParsedToken parse(String token, int maxBytes, boolean claims) throws MalformedTokenException {
        if (token == null || token.isEmpty()) {
            throw new MalformedTokenException("no token");
        }
        if (token.length() > maxBytes) {
            throw new MalformedTokenException("token longer than " + maxBytes + " bytes");
        }
        try {
            return split(token, claims);
        } catch (MalformedTokenException e) {
            // a non-ASCII character is named as such, whichever part it made fail
            throw isAscii(token) ? e : new MalformedTokenException("non-ASCII character");
        }
    }

    /**
     * The parse proper. Every character of a header, payload and signature goes through a strict
     * base64url decoder, which refuses anything non-ASCII; only the parts of JWE and nested tokens
     * that are never decoded are checked for it here.
     */
    private static ParsedToken split(String token, boolean claims) throws MalformedTokenException {
        int[] dots = new int[5];
        int count = 0;
        for (int dot = token.indexOf('.'); dot >= 0; dot = token.indexOf('.', dot + 1)) {
            if (count == dots.length) {
                throw new MalformedTokenException("too many parts");
            }
            dots[count++] = dot;
        }
        // one copy of the token as bytes (a character past U+00FF becomes '?', which no part allows);
        // once parsed, every character is ASCII, so this copy is also the signing input
        byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
        if (count == 4) {
            Map<String, Object> header = json(ascii, 0, dots[0], "header");
            requireAscii(token);
            return new ParsedToken(token, ascii, header, Map.of(), 0, new byte[0], true, false);
        }
        if (count != 2) {
            throw new MalformedTokenException("not three base64url parts");
        }
        Map<String, Object> header = json(ascii, 0, dots[0], "header");
        Object cty = header.get("cty");
        if (cty instanceof String s && s.equalsIgnoreCase("JWT")) {
            requireAscii(token);
            return new ParsedToken(token, ascii, header, Map.of(), dots[1], new byte[0], false, true);
        }
        if (!claims) {
            if (Base64Url.decode(ascii, dots[0] + 1, dots[1]) == null) {
                throw new MalformedTokenException("payload is not strict base64url");
            }
            byte[] signature = Base64Url.decode(ascii, dots[1] + 1, ascii.length);
            if (signature == null) {
                throw new MalformedTokenException("signature is not strict base64url");
            }
            return new ParsedToken(token, ascii, header, Map.of(), dots[1], signature, false, false);
        }
        Map<String, Object> payload = json(ascii, dots[0] + 1, dots[1], "payload");
        byte[] signature = Base64Url.decode(ascii, dots[1] + 1, ascii.length);
        if (signature == null) {
            throw new MalformedTokenException("signature is not strict base64url");
        }
        int tidLike = 0;
        for (String name : payload.keySet()) {
            if (name.equalsIgnoreCase("tid")) {
                tidLike++;
            }
        }
        if (tidLike > 1) {
            throw new MalformedTokenException("several tid members differing in case");
        }
        return new ParsedToken(token, ascii, header, payload, dots[1], signature, false, false);
    }

    private static void requireAscii(String token) throws MalformedTokenException {
        if (!isAscii(token)) {
            throw new MalformedTokenException("non-ASCII character");
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> json(byte[] ascii, int from, int to, String part)
            throws MalformedTokenException {
        if (from == to) {
            throw new MalformedTokenException(part + " is empty");
        }
        byte[] bytes = Base64Url.decode(ascii, from, to);
        if (bytes == null) {
            throw new MalformedTokenException(part + " is not strict base64url");
        }
        try {
            return Json.parseObject(bytes); // strict UTF-8 inside strings, ASCII outside
        } catch (JsonException e) {
            throw new MalformedTokenException(part + " is not a strict JSON object: " + e.getMessage());
        }
    }
}
