package dev.keyfence.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * One token, one three-key set, and every contender set up to check the same things: the
 * signature with the key picked by kid, iss, aud, exp and typ. Keys are local; no network.
 */
public final class Contenders {
    public static final String ISSUER = "https://login.example.test/tenant-a/v2.0";
    public static final String AUDIENCE = "api://bench";

    public final String alg;
    public final String token;
    public final byte[] signingInput;
    public final byte[] rawSignature;
    public final TestKey signer;
    public final String jwks;

    public Contenders(String alg) {
        this.alg = alg;
        List<TestKey> keys = keysFor(alg);
        this.signer = keys.get(1);
        this.jwks = JwkSet.of(keys.toArray(TestKey[]::new)).toJson();
        Instant now = Instant.now();
        this.token = Tokens.accessToken(ISSUER, AUDIENCE, now)
                .typ("JWT")
                .alg(alg)
                .expiresAt(now.plusSeconds(24 * 3600))
                .signedWith(signer, alg);
        int lastDot = token.lastIndexOf('.');
        this.signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        this.rawSignature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    }

    static List<TestKey> keysFor(String alg) {
        switch (alg) {
            case "RS256":
            case "PS256":
                return List.of(TestKey.rsa("bench-1"), TestKey.rsa("bench-2"), TestKey.rsa("bench-3"));
            case "ES256":
                return List.of(
                        TestKey.ec("bench-1", "P-256"), TestKey.ec("bench-2", "P-256"), TestKey.ec("bench-3", "P-256"));
            case "EdDSA":
                return List.of(TestKey.ed25519("bench-1"), TestKey.ed25519("bench-2"), TestKey.ed25519("bench-3"));
            default:
                throw new IllegalArgumentException("no keys for " + alg);
        }
    }

    /** Keyfence with every control on and the verified-token cache off: every call verifies the signature. */
    public TokenValidator keyfence() {
        return TokenValidator.create(policy().verifiedTokenCache(0).build());
    }

    /**
     * As {@link #keyfence()}, with an embedded key ledger attached in {@code directory} (loaded
     * at creation, written by its background writer): validation itself never touches it.
     */
    public TokenValidator keyfenceWithLedger(java.nio.file.Path directory) {
        return TokenValidator.create(policy().verifiedTokenCache(0)
                .ledger(dev.keyfence.ledger.KeyLedgers.directory(directory))
                .build());
    }

    /** Keyfence with every control on and the verified-token cache at its default size. */
    public TokenValidator keyfenceWithCache() {
        return TokenValidator.create(policy().build());
    }

    private ValidationPolicy.Builder policy() {
        return ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("bench")
                        .issuer(ISSUER)
                        .keySource(KeySource.jwks(jwks))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .algorithms(alg)
                        .tokenTypes("JWT")
                        .build());
    }

    /**
     * Below the floor, for RS256 and PS256 only (else null): the RSA public-key operation alone,
     * {@code s^e mod n} with {@code BigInteger.modPow} as the JDK's provider computes it, without
     * hashing, padding or comparing. No verifier calling the JDK can be faster than this.
     */
    public java.util.function.Supplier<java.math.BigInteger> rsaMathOnly() {
        if (!(signer.publicKey() instanceof java.security.interfaces.RSAPublicKey rsa)) {
            return null;
        }
        return () -> new java.math.BigInteger(1, rawSignature).modPow(rsa.getPublicExponent(), rsa.getModulus());
    }

    /** The floor: one JCA verify of the signing input, no parsing, no checks. */
    public Signature rawJca() throws Exception {
        Signature s;
        switch (alg) {
            case "RS256":
                s = Signature.getInstance("SHA256withRSA");
                break;
            case "PS256":
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                break;
            case "ES256":
                s = Signature.getInstance("SHA256withECDSAinP1363Format");
                break;
            case "EdDSA":
                s = Signature.getInstance("Ed25519");
                break;
            default:
                throw new IllegalArgumentException(alg);
        }
        s.initVerify(signer.publicKey());
        return s;
    }

    public JwtConsumer jose4j() throws JoseException {
        JsonWebKeySet set = new JsonWebKeySet(jwks);
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(set.getJsonWebKeys()))
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setRequireExpirationTime()
                .setExpectedType(true, "JWT")
                .build();
    }

    /** Nimbus; null for EdDSA, which Nimbus verifies only with Google Tink on the class path. */
    public DefaultJWTProcessor<SecurityContext> nimbus() throws ParseException {
        if ("EdDSA".equals(alg)) {
            return null;
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg), new ImmutableJWKSet<>(JWKSet.parse(jwks))));
        // Nimbus asks these sets contains(null): immutable Set.of(...) would throw
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new HashSet<>(Set.of(AUDIENCE)),
                new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                new HashSet<>(Set.of("exp")),
                new HashSet<>()));
        return p;
    }

    /** Spring's NimbusJwtDecoder with issuer and audience validators; null where Nimbus cannot verify. */
    public NimbusJwtDecoder springDecoder() throws ParseException {
        DefaultJWTProcessor<SecurityContext> processor = nimbus();
        if (processor == null) {
            return null;
        }
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE));
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER), audience));
        return decoder;
    }

    /** Auth0 java-jwt, which supports RS256 and ES256 of these algorithms; null otherwise. */
    public JWTVerifier auth0() {
        List<TestKey> keys = keysFor(alg);
        Algorithm algorithm;
        if ("RS256".equals(alg)) {
            algorithm = Algorithm.RSA256(new RSAKeyProvider() {
                @Override
                public RSAPublicKey getPublicKeyById(String kid) {
                    return (RSAPublicKey) byKid(keys, kid).publicKey();
                }

                @Override
                public RSAPrivateKey getPrivateKey() {
                    return null;
                }

                @Override
                public String getPrivateKeyId() {
                    return null;
                }
            });
        } else if ("ES256".equals(alg)) {
            algorithm = Algorithm.ECDSA256(new ECDSAKeyProvider() {
                @Override
                public ECPublicKey getPublicKeyById(String kid) {
                    return (ECPublicKey) byKid(keys, kid).publicKey();
                }

                @Override
                public ECPrivateKey getPrivateKey() {
                    return null;
                }

                @Override
                public String getPrivateKeyId() {
                    return null;
                }
            });
        } else {
            return null;
        }
        return JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaimPresence("exp")
                .build();
    }

    private static TestKey byKid(List<TestKey> keys, String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst().orElse(keys.get(0));
    }

    /** Makes checked JOSE exceptions of setup unchecked, for JMH setup methods. */
    static IllegalStateException setupFailed(Exception e) {
        return new IllegalStateException("benchmark setup failed", e);
    }
}
