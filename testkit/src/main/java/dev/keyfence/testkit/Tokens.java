package dev.keyfence.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Entry point for minting tokens, plus raw-signature helpers.
 *
 * <pre>{@code
 * String ok = Tokens.accessToken(ISS, "api://mail", clock.instant()).signedWith(key);
 * String forged = Tokens.accessToken(ISS, "api://mail", now).alg("HS256")
 *         .signedWithHmacSecret(key.publicKeyPem().getBytes(US_ASCII));
 * }</pre>
 */
public final class Tokens {

    /** Lifetime used by {@link #accessToken(String, String, Instant)}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    private Tokens() {}

    /** @return an empty token builder: no header members, no claims */
    public static TokenBuilder builder() {
        return new TokenBuilder();
    }

    /**
     * A well-formed access token builder: {@code typ=at+jwt}, {@code iss}, {@code aud},
     * {@code sub=alice}, {@code iat=now}, {@code exp=now+10min}.
     *
     * @param issuer   the {@code iss} claim
     * @param audience the {@code aud} claim (a JSON string)
     * @param now      issue instant
     * @return the builder, ready to sign
     */
    public static TokenBuilder accessToken(String issuer, String audience, Instant now) {
        return builder()
                .typ("at+jwt")
                .issuer(issuer)
                .audience(audience)
                .subject("alice")
                .expiresIn(DEFAULT_LIFETIME, now);
    }

    /**
     * The JOSE signature (fixed-length r||s for ES*) of a signing input.
     *
     * @param alg          the JWS alg
     * @param key          the key (HMAC or key pair)
     * @param signingInput {@code header.payload}
     * @return raw signature bytes
     */
    public static byte[] signature(String alg, TestKey key, String signingInput) {
        return JwsSigner.sign(alg, key, signingInput);
    }

    /**
     * An ECDSA signature in ASN.1 DER, as JCA produces it (JOSE requires the fixed-length form).
     *
     * @param signingInput {@code header.payload}
     * @param key          an EC key; its default alg (ES256/384/512) picks the hash
     * @return DER signature bytes
     */
    public static byte[] derEcdsaSignatureFor(String signingInput, TestKey key) {
        return JwsSigner.derEcdsa(key.defaultAlg(), key.privateKey(), signingInput);
    }

    /**
     * Decodes one part of a compact token as UTF-8 text.
     *
     * @param token compact JWS
     * @param index 0 header, 1 payload
     * @return the decoded JSON text
     */
    public static String decodePart(String token, int index) {
        String part = token.split("\\.", -1)[index];
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /**
     * Decodes the signature part of a compact token.
     *
     * @param token compact JWS
     * @return raw signature bytes
     */
    public static byte[] signatureBytes(String token) {
        return Base64.getUrlDecoder().decode(token.split("\\.", -1)[2]);
    }
}
