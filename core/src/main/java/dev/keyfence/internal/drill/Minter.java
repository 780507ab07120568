package dev.keyfence.internal.drill;

import dev.keyfence.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/** Signs the drill's tokens with shadow (or attacker) keys; hand-writes the ones no signer would. */
final class Minter {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Minter() {}

    /**
     * A compact JWS of {@code claims} signed with {@code key} under {@code alg}; {@code header}
     * members go first ({@code alg} is always set, {@code kid} and {@code typ} when not null).
     */
    static String sign(Map<String, Object> header, Map<String, Object> claims, String alg, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        header.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
        jws.setPayload(JsonWriter.write(claims));
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a drill token with " + alg, e);
        }
    }

    /** A token whose signature part is {@code signature}, written by hand (alg none, a psychic signature). */
    static String raw(Map<String, Object> header, Map<String, Object> claims, byte[] signature) {
        return part(JsonWriter.write(header)) + "." + part(JsonWriter.write(claims)) + "."
                + B64.encodeToString(signature);
    }

    private static String part(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A header map in insertion order. */
    static Map<String, Object> header(@Nullable Object... nameValues) {
        Map<String, Object> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                h.put((String) nameValues[i], nameValues[i + 1]);
            }
        }
        return h;
    }
}
