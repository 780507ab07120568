package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JwkBuilderTest {

    private static final Instant NB = Instant.parse("2016-04-01T00:00:00Z");
    private static final Instant NA = Instant.parse("2021-04-01T00:00:00Z");

    static Stream<TestKey> keyPairs() {
        return Stream.of(TestKey.rsa("r"), TestKey.ec("e", "P-256"), TestKey.ec("e5", "P-521"), TestKey.ed25519("o"));
    }

    @ParameterizedTest
    @MethodSource("keyPairs")
    void publicJwkHasNoPrivateMembers(TestKey key) throws Exception {
        Map<String, Object> members = key.jwk().toMap();
        assertThat(members.keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi", "oth", "k");
        assertThat(members).containsEntry("kid", key.kid());
        PublicJsonWebKey parsed =
                PublicJsonWebKey.Factory.newPublicJwk(key.jwk().toJson());
        assertThat(parsed.getPublicKey()).isEqualTo(key.publicKey());
        assertThat(parsed.getPrivateKey()).isNull();
    }

    @Test
    void kty() {
        assertThat(TestKey.rsa("r").jwk().toMap()).containsEntry("kty", "RSA");
        assertThat(TestKey.ec("e", "P-384").jwk().toMap())
                .containsEntry("kty", "EC")
                .containsEntry("crv", "P-384");
        assertThat(TestKey.ed25519("o").jwk().toMap())
                .containsEntry("kty", "OKP")
                .containsEntry("crv", "Ed25519");
        assertThat(TestKey.hmac("h", new byte[] {1, 2, 3}).jwk().toMap())
                .containsEntry("kty", "oct")
                .containsEntry("k", "AQID");
    }

    @Test
    void extraMembersKidOverrideAndRemoval() {
        TestKey key = TestKey.rsa("r");
        JwkBuilder base = key.jwk();
        Map<String, Object> m = base.member("issuer", "https://login.example.test/tid-a/v2.0")
                .member("nbf", 1459468800L)
                .member("exp", NA)
                .member("revoked", Map.of("revoked_at", 1, "reason", "compromised"))
                .member("key_ops", List.of("verify"))
                .kid("renamed")
                .without("e")
                .toMap();
        assertThat(m)
                .containsEntry("issuer", "https://login.example.test/tid-a/v2.0")
                .containsEntry("nbf", 1459468800L)
                .containsEntry("kid", "renamed")
                .doesNotContainKey("e");
        String json = base.member("exp", NA).member("use", null).toJson();
        assertThat(json).contains("\"exp\":1617235200").contains("\"use\":null");
        assertThat(base.toMap()).containsKey("e").doesNotContainKey("issuer");
        assertThat(base.withoutKid().toMap()).doesNotContainKey("kid");
    }

    @Test
    void certificateHasExactlyTheRequestedValidityAndThisKey() throws Exception {
        TestKey key = TestKey.rsa("r");
        Map<String, Object> m = key.jwk().certificate(NB, NA).toMap();
        X509Certificate cert = parse(m);
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NB);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NA);
        assertThat(cert.getPublicKey()).isEqualTo(key.publicKey());
        cert.verify(key.publicKey());
    }

    @Test
    void certificateOfAnotherKeyHoldsTheOtherKey() throws Exception {
        TestKey key = TestKey.ec("e", "P-256");
        TestKey other = TestKey.ec("e2", "P-256");
        X509Certificate cert = parse(key.jwk().certificateOf(other, NB, NA).toMap());
        assertThat(cert.getPublicKey()).isEqualTo(other.publicKey()).isNotEqualTo(key.publicKey());
        assertThat(key.jwk().certificateOf(other, NB, NA).toMap()).containsEntry("kid", "e");
    }

    @Test
    void toJsonIsParseableByJose4j() throws Exception {
        String json = TestKey.ec("e", "P-256").jwk().member("use", "sig").toJson();
        JsonWebKey parsed = JsonWebKey.Factory.newJwk(json);
        assertThat(parsed.getKeyId()).isEqualTo("e");
        assertThat(parsed.getUse()).isEqualTo("sig");
    }

    private static X509Certificate parse(Map<String, Object> jwk) throws Exception {
        List<?> x5c = (List<?>) jwk.get("x5c");
        assertThat(x5c).hasSize(1);
        byte[] der = Base64.getDecoder().decode((String) x5c.get(0));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
