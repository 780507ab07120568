package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokensTest {

    private static final Instant NOW = Instant.parse("2024-10-01T12:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef".repeat(4).getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of("RS256", TestKey.rsa("rsa-k")),
                Arguments.of("RS384", TestKey.rsa("rsa-k")),
                Arguments.of("RS512", TestKey.rsa("rsa-k")),
                Arguments.of("PS256", TestKey.rsa("rsa-k")),
                Arguments.of("PS384", TestKey.rsa("rsa-k")),
                Arguments.of("PS512", TestKey.rsa("rsa-k")),
                Arguments.of("ES256", TestKey.ec("ec256", "P-256")),
                Arguments.of("ES384", TestKey.ec("ec384", "P-384")),
                Arguments.of("ES512", TestKey.ec("ec521", "P-521")),
                Arguments.of("EdDSA", TestKey.ed25519("ed")),
                Arguments.of("HS256", TestKey.hmac("hs", SECRET)),
                Arguments.of("HS384", TestKey.hmac("hs", SECRET)),
                Arguments.of("HS512", TestKey.hmac("hs", SECRET)));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void signatureVerifiesWithJose4j(String alg, TestKey key) throws JoseException {
        String token = Tokens.accessToken("https://iss.example.test", "api://mail", NOW)
                .alg(alg)
                .signedWith(key);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setCompactSerialization(token);
        jws.setKey(verificationKey(key));
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(alg);
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(key.kid());
        assertThat(jws.getPayload())
                .isEqualTo("{\"iss\":\"https://iss.example.test\",\"aud\":\"api://mail\",\"sub\":\"alice\","
                        + "\"iat\":1727784000,\"exp\":1727784600}");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void tamperedPayloadDoesNotVerify(String alg, TestKey key) throws JoseException {
        String token = Tokens.builder().alg(alg).subject("alice").signedWith(key);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64Url.encode("{\"sub\":\"mallory\"}") + "." + parts[2];

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setCompactSerialization(forged);
        jws.setKey(verificationKey(key));
        assertThat(jws.verifySignature()).isFalse();
    }

    @Test
    void defaultAlgorithmComesFromKeyAndHeaderIsOrdered() {
        String token = Tokens.builder().typ("at+jwt").subject("alice").signedWith(TestKey.ec("e1", "P-384"));
        assertThat(Tokens.decodePart(token, 0)).isEqualTo("{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"e1\"}");
        assertThat(Tokens.signatureBytes(token)).hasSize(96);
    }

    @Test
    void ecdsaSignaturesHaveJoseFixedLength() throws Exception {
        assertThat(Tokens.signatureBytes(Tokens.builder().signedWith(TestKey.ec("a", "P-256"))))
                .hasSize(64);
        assertThat(Tokens.signatureBytes(Tokens.builder().signedWith(TestKey.ec("b", "P-521"))))
                .hasSize(132);

        TestKey key = TestKey.ec("c", "P-256");
        String token = Tokens.builder().subject("x").signedWith(key);
        String input = token.substring(0, token.lastIndexOf('.'));
        Signature p1363 = Signature.getInstance("SHA256withECDSAinP1363Format");
        p1363.initVerify(key.publicKey());
        p1363.update(input.getBytes(StandardCharsets.US_ASCII));
        assertThat(p1363.verify(Tokens.signatureBytes(token))).isTrue();
    }

    @Test
    void derEcdsaSignatureIsDerAndVerifiesOnlyAsDer() throws Exception {
        TestKey key = TestKey.ec("der", "P-256");
        String token = Tokens.builder().subject("x").signedWithDerEcdsa(key);
        byte[] sig = Tokens.signatureBytes(token);
        assertThat(sig[0]).isEqualTo((byte) 0x30);
        assertThat(sig.length).isBetween(8, 72).isNotEqualTo(64);

        String input = token.substring(0, token.lastIndexOf('.'));
        Signature der = Signature.getInstance("SHA256withECDSA");
        der.initVerify(key.publicKey());
        der.update(input.getBytes(StandardCharsets.US_ASCII));
        assertThat(der.verify(sig)).isTrue();

        byte[] helper = Tokens.derEcdsaSignatureFor(input, key);
        assertThat(helper[0]).isEqualTo((byte) 0x30);
    }

    @Test
    void unsignedHasAlgNoneAndEmptySignature() {
        String token = Tokens.builder().subject("alice").unsigned();
        assertThat(token).endsWith(".");
        assertThat(token.split("\\.", -1)).hasSize(3);
        assertThat(Tokens.decodePart(token, 0)).isEqualTo("{\"alg\":\"none\"}");
        assertThat(Tokens.builder().alg("nOnE").unsigned()).startsWith(Base64Url.encode("{\"alg\":\"nOnE\"}") + ".");
    }

    @Test
    void arbitrarySignatureBytes() {
        String token = Tokens.builder().alg("ES256").kid("k").withSignature(new byte[64]);
        assertThat(Tokens.signatureBytes(token)).containsOnly((byte) 0).hasSize(64);
        assertThat(Tokens.decodePart(token, 0)).isEqualTo("{\"alg\":\"ES256\",\"kid\":\"k\"}");
    }

    @Test
    void hmacWithPublicKeyBytesVerifiesWithThoseBytes() throws Exception {
        TestKey rsa = TestKey.rsa("victim");
        byte[] pem = rsa.publicKeyPem().getBytes(StandardCharsets.US_ASCII);
        String token =
                Tokens.builder().alg("HS256").kid("victim").subject("mallory").signedWithHmacSecret(pem);

        assertThat(rsa.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Tokens.decodePart(token, 0)).isEqualTo("{\"alg\":\"HS256\",\"kid\":\"victim\"}");
        String input = token.substring(0, token.lastIndexOf('.'));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(pem, "HmacSHA256"));
        assertThat(Tokens.signatureBytes(token)).isEqualTo(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void explicitAlgOverridesHeaderForConfusionTests() throws JoseException {
        TestKey key = TestKey.rsa("rsa-k");
        String token = Tokens.builder().alg("RS256").signedWith(key, "PS256");
        assertThat(Tokens.decodePart(token, 0)).startsWith("{\"alg\":\"RS256\"");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setCompactSerialization(token);
        jws.setKey(key.publicKey());
        assertThat(jws.verifySignature()).isFalse();
    }

    @Test
    void claimsKeepTypesAndOrder() {
        String token = Tokens.builder()
                .issuer("i")
                .audience("a", "b")
                .tenant("t")
                .claim("exp", "1700000000")
                .claim("nbf", 1_700_000_000L)
                .claim("nested", Map.of("k", List.of(1, true)))
                .claim("nothing", null)
                .notBefore(Instant.ofEpochSecond(5, 999))
                .unsigned();
        assertThat(Tokens.decodePart(token, 1))
                .isEqualTo("{\"iss\":\"i\",\"aud\":[\"a\",\"b\"],\"tid\":\"t\",\"exp\":\"1700000000\",\"nbf\":5,"
                        + "\"nested\":{\"k\":[1,true]},\"nothing\":null}");
        assertThat(Tokens.decodePart(Tokens.builder().audienceList("only").unsigned(), 1))
                .isEqualTo("{\"aud\":[\"only\"]}");
    }

    @Test
    void expiresInUsesClock() {
        MutableClock clock = MutableClock.at(NOW);
        String token = Tokens.builder().expiresIn(Duration.ofMinutes(5), clock).unsigned();
        assertThat(Tokens.decodePart(token, 1)).isEqualTo("{\"iat\":1727784000,\"exp\":1727784300}");
    }

    @Test
    void headerMembersAndKidSuppression() {
        TestKey key = TestKey.rsa("rsa-k");
        String token = Tokens.builder()
                .header("jku", "https://evil.example/keys")
                .header("crit", List.of("b64"))
                .header("b64", false)
                .withoutKid()
                .signedWith(key);
        assertThat(Tokens.decodePart(token, 0))
                .isEqualTo(
                        "{\"alg\":\"RS256\",\"jku\":\"https://evil.example/keys\",\"crit\":[\"b64\"],\"b64\":false}");
        assertThat(Tokens.decodePart(Tokens.builder().kid("other").signedWith(key), 0))
                .isEqualTo("{\"alg\":\"RS256\",\"kid\":\"other\"}");
    }

    @Test
    void rawHeaderAndPayloadAreVerbatim() throws Exception {
        TestKey key = TestKey.rsa("rsa-k");
        String token = Tokens.builder()
                .rawHeader("{\"alg\":\"RS256\",\"alg\":\"none\"}")
                .rawPayload("{\"sub\":\"a\",\"sub\":\"b\"}")
                .signedWith(key);
        assertThat(Tokens.decodePart(token, 0)).isEqualTo("{\"alg\":\"RS256\",\"alg\":\"none\"}");
        assertThat(Tokens.decodePart(token, 1)).isEqualTo("{\"sub\":\"a\",\"sub\":\"b\"}");
        String input = token.substring(0, token.lastIndexOf('.'));
        Signature rs = Signature.getInstance("SHA256withRSA");
        rs.initVerify(key.publicKey());
        rs.update(input.getBytes(StandardCharsets.US_ASCII));
        assertThat(rs.verify(Tokens.signatureBytes(token))).isTrue();
    }

    @Test
    void buildersAreImmutable() {
        TokenBuilder base = Tokens.builder().subject("alice");
        TokenBuilder other = base.subject("bob").claim("x", 1);
        assertThat(base.claims()).containsExactly(Map.entry("sub", "alice"));
        assertThat(other.claims()).containsEntry("sub", "bob").containsEntry("x", 1);
    }

    @Test
    void unsupportedAlgorithmIsAnError() {
        assertThatThrownBy(() -> Tokens.builder().signedWith(TestKey.rsa("rsa-k"), "RS1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RS1");
    }

    private static Key verificationKey(TestKey key) {
        return key.isSymmetric() ? key.secretKey() : key.publicKey();
    }
}
