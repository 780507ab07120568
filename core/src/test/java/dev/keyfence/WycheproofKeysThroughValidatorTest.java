package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testvectors.Wycheproof;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Project Wycheproof's JWS and JWK vectors through the whole {@link TokenValidator}, with each
 * group's key set published as the trusted issuer's key source.
 *
 * <p>The vectors as they are: their payloads ("foo", numbers, RFC 7520 prose) are not claims
 * objects, so an access-token validator refuses every one with MALFORMED_TOKEN; none is accepted.
 *
 * <p>Where they apply, the JWK vectors (a key set and a token header): an access token with the
 * vector's header is signed with the vector's own private key and validated against the vector's
 * published key set. Valid vectors are accepted, except HS* ones, refused ALGORITHM_NOT_ALLOWED by
 * policy (symmetric algorithms are off unless an issuer enables them); invalid ones (mixed or
 * duplicate-kid sets, a ROCA or 1024-bit modulus, exponent 1, wrong use, curve or alg, a modified
 * point) are refused. tcId 3 is about a modified signature, not a key, and does not apply.
 */
class WycheproofKeysThroughValidatorTest {
    static final String ISS = "https://wycheproof.example.test";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"json_web_signature_test.json", "json_web_key_test.json"})
    void noVectorIsAcceptedAsAnAccessToken(String file) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            TokenValidator validator = validator(publishedSet(c));
            Verdict v = validator.validate(c.string("jws"));
            assertThat(v).as(c.toString()).isInstanceOf(Verdict.Rejected.class);
            reasons.merge(((Verdict.Rejected) v).reason().name(), 1, Integer::sum);
        }
        System.out.println(file + " through TokenValidator: " + reasons);
        assertThat(reasons.keySet())
                .as("payloads that are no claims object are malformed access tokens")
                .containsExactly("MALFORMED_TOKEN");
    }

    @Test
    void jwkVectorsResignedAsAccessTokensAreDecidedAsLabelled() throws JoseException {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Wycheproof.Case c : Wycheproof.cases("json_web_key_test.json")) {
            if (c.id().equals("3")) {
                continue; // a modified signature: the signature layer's vector (WycheproofJwsTest)
            }
            String token = resigned(c);
            if (token == null) {
                outcomes.merge(c.result() + " -> cannot be signed with its own key", 1, Integer::sum);
                assertThat(c.result())
                        .as(c + " has a key that cannot sign its header")
                        .isEqualTo("invalid");
                continue;
            }
            Verdict v = validator(publishedSet(c)).validate(token);
            String outcome = v instanceof Verdict.Rejected r ? r.reason().name() : "accepted";
            outcomes.merge(c.result() + " -> " + outcome, 1, Integer::sum);
            String alg = (String) header(c).get("alg");
            String expected =
                    c.result().equals("valid") ? (alg.startsWith("HS") ? "ALGORITHM_NOT_ALLOWED" : "accepted") : null;
            if (expected != null ? !expected.equals(outcome) : outcome.equals("accepted")) {
                wrong.add(c + ": " + outcome);
            }
        }
        System.out.println("json_web_key_test.json re-signed: " + outcomes);
        assertThat(wrong).isEmpty();
    }

    static TokenValidator validator(String jwks) {
        return TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("wycheproof")
                        .issuer(ISS)
                        .keySource(KeySource.jwks(jwks))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api://vectors")
                        .acceptedKeyScopes("enterprise")
                        .algorithms(
                                "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
                                "EdDSA")
                        .tokenTypes("at+jwt", "JWT", "")
                        .build())
                .clock(MutableClock.at(NOW))
                .build());
    }

    /** The group's key (set) as a JWK set, public members only where a public form is given. */
    @SuppressWarnings("unchecked")
    static String publishedSet(Wycheproof.Case c) {
        Map<String, Object> key =
                (Map<String, Object>) c.group().getOrDefault("public", c.group().get("private"));
        return key.containsKey("keys") ? Wycheproof.toJson(key) : Wycheproof.toJson(Map.of("keys", List.of(key)));
    }

    static Map<String, Object> header(Wycheproof.Case c) {
        String h = c.string("jws").split("\\.", -1)[0];
        try {
            return org.jose4j.json.JsonUtil.parseJson(
                    new String(Base64.getUrlDecoder().decode(h), StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token with the vector's header, signed by the vector's private key of that kid; null when it cannot be. */
    @SuppressWarnings("unchecked")
    static String resigned(Wycheproof.Case c) throws JoseException {
        Map<String, Object> priv = (Map<String, Object>) c.group().get("private");
        Map<String, Object> header = header(c);
        JsonWebKeySet set = new JsonWebKeySet(
                priv.containsKey("keys") ? Wycheproof.toJson(priv) : Wycheproof.toJson(Map.of("keys", List.of(priv))));
        JsonWebKey signer = null;
        for (JsonWebKey k : set.getJsonWebKeys()) {
            if (header.get("kid") == null || header.get("kid").equals(k.getKeyId())) {
                if (signer == null
                        || ((String) header.get("alg")).startsWith("HS") == k instanceof OctetSequenceJsonWebKey) {
                    signer = k;
                }
            }
        }
        if (signer == null) {
            return null;
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.getHeaders().setFullHeaderAsJsonString(Wycheproof.toJson(header));
        jws.setPayload(Wycheproof.toJson(Map.of(
                "iss",
                ISS,
                "aud",
                "api://vectors",
                "sub",
                "alice",
                "iat",
                NOW.getEpochSecond() - 60,
                "exp",
                NOW.getEpochSecond() + 600)));
        jws.setKey(signer instanceof PublicJsonWebKey p ? p.getPrivateKey() : signer.getKey());
        jws.setDoKeyValidation(false);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException | RuntimeException cannotSign) {
            return null;
        }
    }
}
