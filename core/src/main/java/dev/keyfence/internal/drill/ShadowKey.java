package dev.keyfence.internal.drill;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * One ephemeral key of the shadow: a fresh key pair of the real key's shape, its public JWK with
 * the members the shadow gives it ({@code issuer}, {@code nbf}, {@code exp}, {@code iat}), and the
 * private key that signs the drill's tokens. Lives only in memory for one drill.
 */
final class ShadowKey {
    private final String kid;
    private final String alg;
    private final KeyPair pair;
    private final Map<String, Object> jwk;
    private final Optional<Instant> notBefore;

    private ShadowKey(String kid, String alg, KeyPair pair, Map<String, Object> jwk, Optional<Instant> notBefore) {
        this.kid = kid;
        this.alg = alg;
        this.pair = pair;
        this.jwk = jwk;
        this.notBefore = notBefore;
    }

    /** A new key pair for {@code alg}; RSA keys get {@code rsaBits}. */
    static KeyPair generate(String alg, int rsaBits) {
        try {
            if (alg.startsWith("RS") || alg.startsWith("PS")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(rsaBits);
                return g.generateKeyPair();
            }
            if (alg.startsWith("ES")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(
                        switch (curveOf(alg)) {
                            case "P-384" -> "secp384r1";
                            case "P-521" -> "secp521r1";
                            default -> "secp256r1";
                        }));
                return g.generateKeyPair();
            }
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + alg + " key", e);
        }
    }

    static String curveOf(String alg) {
        return switch (alg) {
            case "ES384" -> "P-384";
            case "ES512" -> "P-521";
            default -> "P-256";
        };
    }

    /**
     * A shadow key.
     *
     * @param issuerMember the {@code issuer} member, or null for none
     * @param notBefore    JWK {@code nbf}, or null
     * @param notAfter     JWK {@code exp}, or null
     * @param issuedAt     JWK {@code iat}, or null
     */
    static ShadowKey create(
            String kid,
            String alg,
            int rsaBits,
            @Nullable String issuerMember,
            @Nullable Instant notBefore,
            @Nullable Instant notAfter,
            @Nullable Instant issuedAt) {
        KeyPair pair = generate(alg, rsaBits);
        Map<String, Object> jwk = new LinkedHashMap<>();
        try {
            PublicJsonWebKey pub = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.putAll(pub.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot describe a " + alg + " key as a JWK", e);
        }
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", alg);
        if (issuerMember != null) {
            jwk.put("issuer", issuerMember);
        }
        if (notBefore != null) {
            jwk.put("nbf", notBefore.getEpochSecond());
        }
        if (notAfter != null) {
            jwk.put("exp", notAfter.getEpochSecond());
        }
        if (issuedAt != null) {
            jwk.put("iat", issuedAt.getEpochSecond());
        }
        return new ShadowKey(kid, alg, pair, Map.copyOf(jwk), Optional.ofNullable(notBefore));
    }

    /**
     * A key written by {@link #privateJwk()} in an earlier run ({@code drill --shadow-out}): the same
     * pair and public members, so the drill mints what a target trusting those files accepts.
     */
    static ShadowKey fromPrivateJwk(Map<String, Object> members) throws JoseException {
        PublicJsonWebKey full = PublicJsonWebKey.Factory.newPublicJwk(members);
        if (full.getPrivateKey() == null
                || !(members.get("kid") instanceof String kid)
                || !(members.get("alg") instanceof String alg)) {
            throw new JoseException("a shadow key needs kid, alg and its private key");
        }
        Map<String, Object> pub = new LinkedHashMap<>(members);
        for (String secret : PRIVATE_MEMBERS) {
            pub.remove(secret);
        }
        Optional<Instant> nbf = members.get("nbf") instanceof Number n
                ? Optional.of(Instant.ofEpochSecond(n.longValue()))
                : Optional.empty();
        return new ShadowKey(kid, alg, new KeyPair(full.getPublicKey(), full.getPrivateKey()), Map.copyOf(pub), nbf);
    }

    /** The public JWK plus the private members: only ever written to an owner-only file of a shadow export. */
    Map<String, Object> privateJwk() {
        try {
            PublicJsonWebKey k = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            k.setPrivateKey(pair.getPrivate());
            Map<String, Object> m = new LinkedHashMap<>(jwk);
            m.putAll(k.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            return m;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot describe a " + alg + " key as a JWK", e);
        }
    }

    private static final java.util.List<String> PRIVATE_MEMBERS =
            java.util.List.of("d", "p", "q", "dp", "dq", "qi", "oth");

    String kid() {
        return kid;
    }

    String alg() {
        return alg;
    }

    PrivateKey privateKey() {
        return pair.getPrivate();
    }

    java.security.PublicKey publicKey() {
        return pair.getPublic();
    }
    /** The public JWK, as JSON members. */
    Map<String, Object> jwk() {
        return jwk;
    }
    /** The JWK {@code nbf}, when the key has a window. */
    Optional<Instant> notBefore() {
        return notBefore;
    }

    @Override
    public String toString() {
        return "ShadowKey[" + kid + ", " + alg + "]";
    }
}
