package dev.keyfence.testvectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Reads Project Wycheproof vector files from the test resources ({@code vectors/wycheproof}, Apache
 * License 2.0). Read with jose4j's JSON parser, so that the parser under test never reads its own
 * test data.
 */
public final class Wycheproof {
    private Wycheproof() {}

    /** One test case with the group it belongs to. */
    public record Case(Map<String, Object> group, Map<String, Object> test) {
        public String id() {
            return String.valueOf(test.get("tcId"));
        }

        public String result() {
            return (String) test.get("result");
        }

        public String comment() {
            return String.valueOf(test.get("comment"));
        }

        public String flags() {
            return String.valueOf(test.get("flags"));
        }

        public String string(String name) {
            return (String) test.get(name);
        }

        @Override
        public String toString() {
            return "tcId " + id() + " (" + comment() + ", " + result() + ", flags " + flags() + ")";
        }
    }

    /** Every test case of the file, in file order. */
    @SuppressWarnings("unchecked")
    public static List<Case> cases(String file) {
        Map<String, Object> doc = read(file);
        List<Case> out = new ArrayList<>();
        for (Object g : (List<Object>) doc.get("testGroups")) {
            Map<String, Object> group = (Map<String, Object>) g;
            for (Object t : (List<Object>) group.get("tests")) {
                out.add(new Case(group, (Map<String, Object>) t));
            }
        }
        return out;
    }

    /** A resource of the test class path as text. */
    public static String resource(String path) {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(String file) {
        try {
            return JsonUtil.parseJson(resource("vectors/wycheproof/" + file));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The JSON text of a parsed value (for keys handed to the code under test). */
    public static String toJson(Map<String, Object> value) {
        return JsonUtil.toJson(value);
    }

    /** Hex to bytes. */
    public static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
