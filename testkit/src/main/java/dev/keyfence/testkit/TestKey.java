package dev.keyfence.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * An immutable signing key with a {@code kid}: an RSA, EC or Ed25519 key pair, or an HMAC secret.
 *
 * <p>Asymmetric keys are generated once per JVM for each (type, kid, size or curve) and cached,
 * because RSA key generation is slow: {@code TestKey.rsa("k1")} always returns the same key
 * material. Use {@link #fresh()} for new material under the same {@code kid} (kid-reuse tests)
 * and {@link #withKid(String)} for the same material under another {@code kid}.
 * No minimum size is enforced: {@code rsa("weak", 1024)} is allowed on purpose.
 */
public final class TestKey {

    /** The family of a test key. */
    public enum Type {
        /** RSA key pair, JWK {@code kty} RSA. */
        RSA,
        /** NIST-curve EC key pair, JWK {@code kty} EC. */
        EC,
        /** Ed25519 key pair, JWK {@code kty} OKP. */
        ED25519,
        /** HMAC secret, JWK {@code kty} oct. */
        HMAC
    }

    private static final ConcurrentMap<String, KeyPair> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> CURVES =
            Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
    private static final Map<String, String> EC_ALGS = Map.of("P-256", "ES256", "P-384", "ES384", "P-521", "ES512");

    private final String kid;
    private final Type type;
    private final int bits;
    private final @Nullable String curve;
    private final @Nullable KeyPair keyPair;
    private final byte @Nullable [] secret;

    private TestKey(
            String kid,
            Type type,
            int bits,
            @Nullable String curve,
            @Nullable KeyPair keyPair,
            byte @Nullable [] secret) {
        this.kid = kid;
        this.type = type;
        this.bits = bits;
        this.curve = curve;
        this.keyPair = keyPair;
        this.secret = secret;
    }

    /**
     * A cached 2048-bit RSA key.
     *
     * @param kid the key id
     * @return the key
     */
    public static TestKey rsa(String kid) {
        return rsa(kid, 2048);
    }

    /**
     * A cached RSA key of any size the JDK can generate (512 and up), weak sizes included.
     *
     * @param kid  the key id
     * @param bits modulus size
     * @return the key
     */
    public static TestKey rsa(String kid, int bits) {
        Objects.requireNonNull(kid, "kid");
        KeyPair pair = CACHE.computeIfAbsent("RSA/" + bits + "/" + kid, k -> generateRsa(bits));
        return new TestKey(kid, Type.RSA, bits, null, pair, null);
    }

    /**
     * A cached EC key on P-256, P-384 or P-521.
     *
     * @param kid   the key id
     * @param curve JOSE curve name
     * @return the key
     */
    public static TestKey ec(String kid, String curve) {
        Objects.requireNonNull(kid, "kid");
        if (!CURVES.containsKey(curve)) {
            throw new IllegalArgumentException("unsupported curve " + curve + ", use P-256, P-384 or P-521");
        }
        KeyPair pair = CACHE.computeIfAbsent("EC/" + curve + "/" + kid, k -> generateEc(curve));
        return new TestKey(kid, Type.EC, 0, curve, pair, null);
    }

    /**
     * A cached Ed25519 key.
     *
     * @param kid the key id
     * @return the key
     */
    public static TestKey ed25519(String kid) {
        Objects.requireNonNull(kid, "kid");
        KeyPair pair = CACHE.computeIfAbsent("Ed25519/" + kid, k -> generate("Ed25519"));
        return new TestKey(kid, Type.ED25519, 0, "Ed25519", pair, null);
    }

    /**
     * An HMAC key over the given secret (copied; any non-empty length, short ones included).
     *
     * @param kid    the key id
     * @param secret the shared secret
     * @return the key
     */
    public static TestKey hmac(String kid, byte[] secret) {
        Objects.requireNonNull(kid, "kid");
        return new TestKey(kid, Type.HMAC, secret.length * 8, null, null, secret.clone());
    }

    /**
     * New key material of the same type and size or curve, with the same {@code kid}; not cached.
     *
     * @return a key that shares only its {@code kid} with this one
     */
    public TestKey fresh() {
        return switch (type) {
            case RSA -> new TestKey(kid, type, bits, null, generateRsa(bits), null);
            case EC -> new TestKey(kid, type, 0, curve, generateEc(Objects.requireNonNull(curve)), null);
            case ED25519 -> new TestKey(kid, type, 0, curve, generate("Ed25519"), null);
            case HMAC -> {
                byte[] s = new byte[secret().length];
                new java.security.SecureRandom().nextBytes(s);
                yield new TestKey(kid, type, bits, null, null, s);
            }
        };
    }

    /**
     * The same key material under another {@code kid}.
     *
     * @param newKid the key id to use
     * @return a key sharing this key's material
     */
    public TestKey withKid(String newKid) {
        return new TestKey(Objects.requireNonNull(newKid, "newKid"), type, bits, curve, keyPair, secret);
    }

    /** @return the key id */
    public String kid() {
        return kid;
    }

    /** @return the key family */
    public Type type() {
        return type;
    }

    /** @return the RSA modulus size or HMAC secret size in bits, 0 for EC and Ed25519 */
    public int bits() {
        return bits;
    }

    /** @return the JOSE curve name (P-256, P-384, P-521, Ed25519), or null for RSA and HMAC */
    public @Nullable String curve() {
        return curve;
    }

    /** @return true for an HMAC secret, false for a key pair */
    public boolean isSymmetric() {
        return type == Type.HMAC;
    }

    /**
     * @return the key pair
     * @throws IllegalStateException for an HMAC key
     */
    public KeyPair keyPair() {
        if (keyPair == null) {
            throw new IllegalStateException("HMAC key " + kid + " has no key pair");
        }
        return keyPair;
    }

    /** @return the public key; see {@link #keyPair()} */
    public PublicKey publicKey() {
        return keyPair().getPublic();
    }

    /** @return the private key; see {@link #keyPair()} */
    public PrivateKey privateKey() {
        return keyPair().getPrivate();
    }

    /**
     * @return a copy of the HMAC secret
     * @throws IllegalStateException for a key pair
     */
    public byte[] secret() {
        if (secret == null) {
            throw new IllegalStateException("key " + kid + " is not an HMAC key");
        }
        return secret.clone();
    }

    /** @return the HMAC secret as a {@link SecretKey}; see {@link #secret()} */
    public SecretKey secretKey() {
        return new SecretKeySpec(secret(), "HmacSHA256");
    }

    /**
     * The public key as PEM text ({@code -----BEGIN PUBLIC KEY-----}), as a server might
     * publish it; handy to key an HS256 forgery with the public key.
     *
     * @return PEM text with a trailing newline
     */
    public String publicKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** @return RS256, ES256, ES384, ES512, EdDSA or HS256 */
    public String defaultAlg() {
        return switch (type) {
            case RSA -> "RS256";
            case EC -> Objects.requireNonNull(EC_ALGS.get(Objects.requireNonNull(curve)));
            case ED25519 -> "EdDSA";
            case HMAC -> "HS256";
        };
    }

    /** @return the RFC 7638 SHA-256 JWK thumbprint, base64url */
    public String thumbprint() {
        return jose4jJwk().calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    /** @return a builder for this key's public JWK */
    public JwkBuilder jwk() {
        return new JwkBuilder(this);
    }

    /** @return a new jose4j JWK of this key (private parts included for key pairs) */
    JsonWebKey jose4jJwk() {
        try {
            JsonWebKey jwk;
            if (type == Type.HMAC) {
                jwk = new OctetSequenceJsonWebKey(new HmacKey(secret()));
            } else {
                PublicJsonWebKey pub =
                        PublicJsonWebKey.Factory.newPublicJwk(keyPair().getPublic());
                pub.setPrivateKey(keyPair().getPrivate());
                jwk = pub;
            }
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("jose4j cannot represent key " + kid, e);
        }
    }

    @Override
    public String toString() {
        return "TestKey[" + kid + ", " + type + (curve != null ? " " + curve : "")
                + (type == Type.RSA ? " " + bits : "") + "]";
    }

    private static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate RSA " + bits, e);
        }
    }

    private static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(CURVES.get(curve)));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate EC " + curve, e);
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + algorithm, e);
        }
    }
}
