package dev.keyfence.internal.token;

import org.jspecify.annotations.Nullable;

/**
 * Strict base64url (RFC 4648 section 5, RFC 7515 section 2): URL-safe alphabet only, no padding,
 * no whitespace, and the unused low bits of the last character must be zero, so every byte
 * string has exactly one accepted encoding.
 */
public final class Base64Url {
    private static final byte[] DECODE = new byte[128];
    /** The JDK's decoder: vectorized on CPUs that allow it; the strictness it lacks is checked around it. */
    private static final java.util.Base64.Decoder JDK = java.util.Base64.getUrlDecoder();

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {}

    /** Decodes {@code s[from, to)}, or returns null when it is not strict base64url. */
    public static byte @Nullable [] decode(String s, int from, int to) {
        int len = to - from;
        int rem = len & 3;
        if (rem == 1) {
            return null;
        }
        byte[] out = new byte[(len / 4) * 3 + (rem == 0 ? 0 : rem - 1)];
        int o = 0;
        int i = from;
        int fullEnd = from + (len - rem);
        while (i < fullEnd) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            int c = value(s.charAt(i + 2));
            int d = value(s.charAt(i + 3));
            if ((a | b | c | d) < 0) {
                return null;
            }
            int n = (a << 18) | (b << 12) | (c << 6) | d;
            out[o++] = (byte) (n >> 16);
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
            i += 4;
        }
        if (rem == 2) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            if ((a | b) < 0 || (b & 0x0f) != 0) {
                return null;
            }
            out[o] = (byte) ((a << 2) | (b >> 4));
        } else if (rem == 3) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            int c = value(s.charAt(i + 2));
            if ((a | b | c) < 0 || (c & 0x03) != 0) {
                return null;
            }
            out[o++] = (byte) ((a << 2) | (b >> 4));
            out[o] = (byte) (((b & 0x0f) << 4) | (c >> 2));
        }
        return out;
    }

    /**
     * Decodes {@code ascii[from, to)}, or returns null when it is not strict base64url; the same
     * bytes as {@link #decode(String, int, int)} over the same characters, faster on long input.
     */
    public static byte @Nullable [] decode(byte[] ascii, int from, int to) {
        int len = to - from;
        int rem = len & 3;
        if (rem == 1) {
            return null;
        }
        if (len == 0) {
            return new byte[0];
        }
        // The JDK's decoder refuses every byte outside the URL alphabet except '=' padding, which must end
        // the input, and it ignores the unused low bits of the last character: both are refused here.
        int last = ascii[to - 1];
        int lastValue = last < 0 ? -1 : DECODE[last];
        if (lastValue < 0 || rem == 2 && (lastValue & 0x0f) != 0 || rem == 3 && (lastValue & 0x03) != 0) {
            return null;
        }
        try {
            java.nio.ByteBuffer out = JDK.decode(java.nio.ByteBuffer.wrap(ascii, from, len));
            byte[] bytes = out.array();
            return out.arrayOffset() == 0 && out.remaining() == bytes.length
                    ? bytes
                    : java.util.Arrays.copyOfRange(bytes, out.arrayOffset(), out.arrayOffset() + out.remaining());
        } catch (IllegalArgumentException notBase64url) {
            return null;
        }
    }

    private static int value(char c) {
        return c < 128 ? DECODE[c] : -1;
    }
}
