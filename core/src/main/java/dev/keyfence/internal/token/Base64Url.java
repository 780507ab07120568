package dev.keyfence.internal.token;

import org.jspecify.annotations.Nullable;

/**
 * Strict base64url (RFC 4648 section 5, RFC 7515 section 2): URL-safe alphabet only, no padding,
 * no whitespace, and the unused low bits of the last character must be zero, so every byte
 * string has exactly one accepted encoding.
 */
public final class Base64Url {
    private static final byte[] DECODE = new byte[128];

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

    private static int value(char c) {
        return c < 128 ? DECODE[c] : -1;
    }
}
