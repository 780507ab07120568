package dev.keyfence.internal.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 7638 thumbprint of a JWK read from its required public members only, so that a key left
 * out for any other member (a malformed {@code exp}, a bad {@code x5c}, an odd {@code use}) is
 * still recognised as the same key material.
 */
final class PublicKeyThumbprint {
    private static final Map<String, List<String>> REQUIRED =
            Map.of("RSA", List.of("e", "n"), "EC", List.of("crv", "x", "y"), "OKP", List.of("crv", "x"));

    private PublicKeyThumbprint() {}

    /** The thumbprint, or null when the entry's public key itself does not parse. */
    static @Nullable String of(Map<?, ?> entry) {
        if (!(entry.get("kty") instanceof String kty) || !REQUIRED.containsKey(kty)) {
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kty", kty);
        for (String member : REQUIRED.get(kty)) {
            if (!(entry.get(member) instanceof String value)) {
                return null;
            }
            params.put(member, value);
        }
        try {
            EcCoordinates.check(params); // an oversized coordinate would fail in the JDK with a bare RuntimeException
            return JsonWebKey.Factory.newJwk(params).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (KeySetException
                | JoseException
                | IllegalArgumentException
                | ClassCastException
                | IllegalStateException e) {
            return null;
        }
    }
}
