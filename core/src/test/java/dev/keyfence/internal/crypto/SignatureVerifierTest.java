package dev.keyfence.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SignatureVerifier at its edges: key/algorithm mismatches, HMAC, PSS parameters, the JOSE-to-DER conversion. */
class SignatureVerifierTest {
    static final String INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9";
    static final byte[] IN = INPUT.getBytes(StandardCharsets.US_ASCII);

    @Test
    void hmacVerifiesOnlyTheRightMacWithASecretKey() {
        byte[] secret = new byte[32];
        secret[0] = 7;
        TestKey hs = TestKey.hmac("hs", secret);
        byte[] mac = Tokens.signature("HS256", hs, INPUT);
        Key key = new SecretKeySpec(secret, "HmacSHA256");
        assertThat(SignatureVerifier.verify(JwsAlgorithm.HS256, key, IN, mac)).isTrue();
        byte[] wrong = mac.clone();
        wrong[0] ^= 1;
        assertThat(SignatureVerifier.verify(JwsAlgorithm.HS256, key, IN, wrong)).isFalse();
        assertThat(SignatureVerifier.verify(JwsAlgorithm.HS256, TestKey.rsa("r").publicKey(), IN, mac))
                .isFalse();
    }

    @Test
    void aKeyOfTheWrongKindNeverVerifies() {
        TestKey rsa = TestKey.rsa("r");
        TestKey ec = TestKey.ec("e", "P-256");
        byte[] rs = Tokens.signature("RS256", rsa, INPUT);
        assertThat(SignatureVerifier.verify(JwsAlgorithm.RS256, rsa.publicKey(), IN, rs))
                .isTrue();
        assertThat(SignatureVerifier.verify(JwsAlgorithm.RS256, rsa.privateKey(), IN, rs))
                .isFalse();
        assertThat(SignatureVerifier.verify(JwsAlgorithm.RS256, new SecretKeySpec(new byte[32], "HmacSHA256"), IN, rs))
                .isFalse();
        byte[] es = Tokens.signature("ES256", ec, INPUT);
        assertThat(SignatureVerifier.verify(JwsAlgorithm.ES256, rsa.publicKey(), IN, es))
                .isFalse();
        byte[] tampered = rs.clone();
        tampered[10] ^= 1;
        assertThat(SignatureVerifier.verify(JwsAlgorithm.RS256, rsa.publicKey(), IN, tampered))
                .isFalse();
    }

    @Test
    void pssUsesItsParametersOnEveryPathAndCall() {
        TestKey rsa = TestKey.rsa("r");
        byte[] ps = Tokens.signature("PS256", rsa, INPUT);
        for (int i = 0; i < 3; i++) {
            assertThat(SignatureVerifier.verify(JwsAlgorithm.PS256, rsa.publicKey(), IN, ps, null))
                    .isTrue();
            assertThat(SignatureVerifier.verify(JwsAlgorithm.PS256, rsa.publicKey(), IN, ps, FastProvider.EC_AND_EDDSA))
                    .isTrue();
            assertThat(SignatureVerifier.verify(JwsAlgorithm.RS256, rsa.publicKey(), IN, ps, null))
                    .isFalse();
        }
        assertThat(JwsAlgorithm.PS256.pssParameters().getSaltLength()).isEqualTo(32);
        assertThat(JwsAlgorithm.PS512.pssParameters().getDigestAlgorithm()).isEqualTo("SHA-512");
        assertThat(JwsAlgorithm.RS256.pssParameters()).isNull();
        assertThat(JwsAlgorithm.RS256.jcaName()).isEqualTo("SHA256withRSA");
        assertThat(JwsAlgorithm.HS256.symmetric()).isTrue();
        assertThat(JwsAlgorithm.RS256.symmetric()).isFalse();
    }

    @Test
    void bouncyCastleIsPreferredForCurvesOnly() {
        assertThat(SignatureVerifier.preferredProvider(JwsAlgorithm.RS256)).isNull();
        assertThat(SignatureVerifier.preferredProvider(JwsAlgorithm.PS256)).isNull();
        assertThat(SignatureVerifier.preferredProvider(JwsAlgorithm.HS256)).isNull();
        assertThat(SignatureVerifier.preferredProvider(JwsAlgorithm.ES256)).isSameAs(FastProvider.EC_AND_EDDSA);
        assertThat(SignatureVerifier.preferredProvider(JwsAlgorithm.EdDSA)).isSameAs(FastProvider.EC_AND_EDDSA);
        Key ec = TestKey.ec("e", "P-256").publicKey();
        assertThat(FastProvider.own(ec, null)).isSameAs(ec);
        assertThat(FastProvider.own(ec, FastProvider.EC_AND_EDDSA)).isNotSameAs(ec);
        assertThat(FastProvider.own(ec, java.security.Security.getProvider("SunEC")))
                .isSameAs(ec);
    }

    @Test
    void joseToDerEncodesExactlyAndRefusesOutOfRangeValues() {
        BigInteger n =
                ((ECPublicKey) TestKey.ec("e", "P-256").publicKey()).getParams().getOrder();
        byte[] one2 = new byte[64];
        one2[31] = 1;
        one2[63] = 2;
        assertThat(HexFormat.of().formatHex(SignatureVerifier.joseToDer(one2, 32, n)))
                .isEqualTo("3006020101020102");
        byte[] high = new byte[64];
        high[0] = (byte) 0x80;
        high[63] = 1;
        assertThat(HexFormat.of().formatHex(SignatureVerifier.joseToDer(high, 32, n)))
                .isEqualTo("3026022100" + "80" + "00".repeat(31) + "020101");
        assertThat(SignatureVerifier.joseToDer(withR(n), 32, n)).isNull();
        assertThat(SignatureVerifier.joseToDer(withR(n.subtract(BigInteger.ONE)), 32, n))
                .isNotNull();
        assertThat(SignatureVerifier.joseToDer(new byte[64], 32, n)).isNull();
        assertThat(SignatureVerifier.joseToDer(new byte[63], 32, n)).isNull();
        BigInteger n521 = ((ECPublicKey) TestKey.ec("e5", "P-521").publicKey())
                .getParams()
                .getOrder();
        byte[] big = new byte[132];
        big[1] = 1;
        big[67] = 1;
        byte[] der = SignatureVerifier.joseToDer(big, 66, n521);
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(der[1]).isEqualTo((byte) 0x81);
        assertThat(der[2] & 0xff).isEqualTo(der.length - 3);
    }

    private static byte[] withR(BigInteger r) {
        byte[] sig = new byte[64];
        byte[] rb = r.toByteArray();
        int len = Math.min(rb.length, 32);
        System.arraycopy(rb, rb.length - len, sig, 32 - len, len);
        sig[63] = 1;
        return sig;
    }
}
