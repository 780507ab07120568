package dev.keyfence.internal.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Fuzzer bytes read as choices, so that a plain {@code byte[]} target is both structured and replayable. */
final class FuzzInput {
    private final byte[] data;
    private int pos;

    FuzzInput(byte[] data) {
        this.data = data;
    }

    boolean more() {
        return pos < data.length;
    }

    int nextByte() {
        return pos < data.length ? data[pos++] & 0xff : 0;
    }

    /** A number in [0, bound). */
    int nextInt(int bound) {
        int v = (nextByte() << 8) | nextByte();
        return bound <= 0 ? 0 : v % bound;
    }

    boolean nextBoolean() {
        return (nextByte() & 1) == 1;
    }

    <T> T pick(List<T> choices) {
        return choices.get(nextInt(choices.size()));
    }

    /** Up to {@code max} bytes as ISO-8859-1 text (any byte is one char). */
    String nextString(int max) {
        int len = Math.min(nextInt(max + 1), data.length - pos);
        String s = new String(data, pos, Math.max(len, 0), StandardCharsets.ISO_8859_1);
        pos += Math.max(len, 0);
        return s;
    }

    byte[] rest() {
        byte[] r = Arrays.copyOfRange(data, Math.min(pos, data.length), data.length);
        pos = data.length;
        return r;
    }
}
