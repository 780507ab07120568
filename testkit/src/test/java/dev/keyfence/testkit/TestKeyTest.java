package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestKeyTest {

    @Test
    void rsaKeysAreCachedPerKidAndSize() {
        TestKey a = TestKey.rsa("cache-1");
        assertThat(TestKey.rsa("cache-1").keyPair()).isSameAs(a.keyPair());
        assertThat(TestKey.rsa("cache-2").publicKey()).isNotEqualTo(a.publicKey());
        assertThat(((RSAPublicKey) a.publicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(a.bits()).isEqualTo(2048);
    }

    @Test
    void weakRsaKeysAreAllowed() {
        TestKey weak = TestKey.rsa("weak", 1024);
        assertThat(((RSAPublicKey) weak.publicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(weak.jwk().toJson()).contains("\"kty\":\"RSA\"");
    }

    @Test
    void freshAndWithKid() {
        TestKey a = TestKey.ec("reuse", "P-256");
        TestKey fresh = a.fresh();
        assertThat(fresh.kid()).isEqualTo("reuse");
        assertThat(fresh.publicKey()).isNotEqualTo(a.publicKey());
        TestKey renamed = a.withKid("other");
        assertThat(renamed.kid()).isEqualTo("other");
        assertThat(renamed.publicKey()).isEqualTo(a.publicKey());
        assertThat(renamed.thumbprint()).isEqualTo(a.thumbprint());
    }

    @Test
    void defaultAlgorithms() {
        assertThat(TestKey.rsa("d1").defaultAlg()).isEqualTo("RS256");
        assertThat(TestKey.ec("d2", "P-256").defaultAlg()).isEqualTo("ES256");
        assertThat(TestKey.ec("d3", "P-384").defaultAlg()).isEqualTo("ES384");
        assertThat(TestKey.ec("d4", "P-521").defaultAlg()).isEqualTo("ES512");
        assertThat(TestKey.ed25519("d5").defaultAlg()).isEqualTo("EdDSA");
        assertThat(TestKey.hmac("d6", new byte[32]).defaultAlg()).isEqualTo("HS256");
    }

    @Test
    void ecCurvesMatch() {
        assertThat(((ECPublicKey) TestKey.ec("c", "P-521").publicKey())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize())
                .isEqualTo(521);
        assertThatThrownBy(() -> TestKey.ec("c", "secp256k1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thumbprintIsRfc7638() throws Exception {
        TestKey key = TestKey.rsa("thumb");
        Map<String, Object> jwk = key.jwk().toMap();
        String canonical = "{\"e\":\"" + jwk.get("e") + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n") + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(key.thumbprint())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    @Test
    void hmacKeyHasNoKeyPairAndCopiesSecret() {
        byte[] secret = {1, 2, 3};
        TestKey key = TestKey.hmac("h", secret);
        secret[0] = 9;
        assertThat(key.secret()).containsExactly(1, 2, 3);
        assertThatThrownBy(key::keyPair).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestKey.rsa("r").secret()).isInstanceOf(IllegalStateException.class);
    }
}
