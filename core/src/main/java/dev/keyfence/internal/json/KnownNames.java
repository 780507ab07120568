package dev.keyfence.internal.json;

/**
 * The member names (and a few short values) every token and key set carries, handed out as one
 * shared string each instead of a new copy per parse. Only an exact match of every character is
 * replaced, so the parsed result is equal either way.
 */
final class KnownNames {
    private static final String[] NAMES = {
        "alg", "typ", "kid", "cty", "jku", "jwk", "x5u", "x5c", "x5t", "crit", "b64", "x5t#S256",
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "tid", "azp", "scp", "scope", "client_id", "cnf", "jkt",
        "roles", "groups", "ver", "oid", "appid", "idp", "nonce", "auth_time", "acr", "amr", "sid",
        "kty", "use", "key_ops", "n", "e", "crv", "x", "y", "d", "keys", "issuer", "nbf",
        "JWT", "at+jwt", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
        "RSA", "EC", "OKP", "sig", "P-256", "P-384", "P-521", "Ed25519",
    };
    private static final int MAX_LENGTH = 9;
    /** By length, then by first character; unused slots null. */
    private static final String[][] BY_LENGTH = index();

    private KnownNames() {
    }

    private static String[][] index() {
        String[][] out = new String[MAX_LENGTH + 1][];
        for (int len = 1; len <= MAX_LENGTH; len++) {
            final int l = len;
            out[len] = java.util.Arrays.stream(NAMES).filter(n -> n.length() == l).distinct().toArray(String[]::new);
        }
        return out;
    }

    /** {@code text[from, to)}: the shared string when it is a known name, else a new substring. */
    static String of(String text, int from, int to) {
        int len = to - from;
        if (len >= 1 && len <= MAX_LENGTH) {
            char first = text.charAt(from);
            for (String n : BY_LENGTH[len]) {
                if (n.charAt(0) == first && text.regionMatches(from, n, 0, len)) {
                    return n;
                }
            }
        }
        return text.substring(from, to);
    }
}
