package dev.keyfence.internal.json;

/**
 * The member names (and a few short values) every token and key set carries, handed out as one
 * shared string each instead of a new copy per parse. Only an exact match of every character is
 * replaced, so the parsed result is equal either way.
 */
final class KnownNames {
    private static final String[] NAMES = {
        "alg",
        "typ",
        "kid",
        "cty",
        "jku",
        "jwk",
        "x5u",
        "x5c",
        "x5t",
        "crit",
        "b64",
        "x5t#S256",
        "iss",
        "sub",
        "aud",
        "exp",
        "nbf",
        "iat",
        "jti",
        "tid",
        "azp",
        "scp",
        "scope",
        "client_id",
        "cnf",
        "jkt",
        "roles",
        "groups",
        "ver",
        "oid",
        "appid",
        "idp",
        "nonce",
        "auth_time",
        "acr",
        "amr",
        "sid",
        "kty",
        "use",
        "key_ops",
        "n",
        "e",
        "crv",
        "x",
        "y",
        "d",
        "keys",
        "issuer",
        "JWT",
        "at+jwt",
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "EdDSA",
        "RSA",
        "EC",
        "OKP",
        "sig",
        "P-256",
        "P-384",
        "P-521",
        "Ed25519",
    };
    private static final int MAX_LENGTH = 9;
    /** By {@link #hash}; each slot a short list. */
    private static final String[][] TABLE = index();

    private KnownNames() {}

    private static String[][] index() {
        java.util.List<java.util.List<String>> slots = new java.util.ArrayList<>();
        for (int i = 0; i < 256; i++) {
            slots.add(new java.util.ArrayList<>());
        }
        for (String n : new java.util.LinkedHashSet<>(java.util.List.of(NAMES))) {
            slots.get(hash(n, 0, n.length())).add(n);
        }
        String[][] out = new String[256][];
        for (int i = 0; i < 256; i++) {
            out[i] = slots.get(i).toArray(String[]::new);
        }
        return out;
    }

    private static int hash(String text, int from, int to) {
        int len = to - from;
        return (len * 31 + text.charAt(from) * 7 + text.charAt(from + len / 2) * 3 + text.charAt(to - 1)) & 0xff;
    }

    /** As {@link #hash(String, int, int)} over ASCII bytes, which equal their characters. */
    private static int hash(byte[] ascii, int from, int to) {
        int len = to - from;
        return (len * 31 + ascii[from] * 7 + ascii[from + len / 2] * 3 + ascii[to - 1]) & 0xff;
    }

    /** {@code ascii[from, to)} (ASCII only): the shared string when it is a known name, else a new string. */
    static String of(byte[] ascii, int from, int to) {
        int len = to - from;
        if (len >= 1 && len <= MAX_LENGTH) {
            for (String n : TABLE[hash(ascii, from, to)]) {
                if (n.length() == len && same(n, ascii, from)) {
                    return n;
                }
            }
        }
        return new String(ascii, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean same(String name, byte[] ascii, int from) {
        for (int i = 0; i < name.length(); i++) {
            if (ascii[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
