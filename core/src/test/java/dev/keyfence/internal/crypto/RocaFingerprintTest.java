package dev.keyfence.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.TestKey;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The ROCA (CVE-2017-15361) fingerprint: found on an Infineon RSALib modulus, absent from ordinary keys. */
public class RocaFingerprintTest {
    /** The modulus of Wycheproof's {@code jws_rsa_roca_key} (json_web_key_test.json, tcId 7). */
    public static final BigInteger ROCA = new BigInteger(
            1,
            Base64.getUrlDecoder()
                    .decode(
                            "AanFpofbj7KjD4Lf-N2hVMKR7yewSyXhhbirIMTGpfYEhZ_lnt5UoK98DnKIgArXGTu3MaW_HhFw16HGaTDUHqPrId7fe4r11CqRw09yBFuW79V8sYIwHdzCaWflUI6auImYbVfoN9_nD5n8N8SY9DwXw7mwZM9wREPXoDPgOoIWl6q_MPsp7n0zs3Z5ZaiQWOOzl1S9OhwAfSiiOwz6efnXEaxuTEtPd7BjSx7NaFka8Dx9U7YqXy2RFj1O9PjyaDGuRh7YXsX3iMUSP_wSyHQg_c_qHRtKUsNSGCT7OZg0hzm2KphtjnayKJvC64vAbROBR4Ubg6Bxg9IQVZ-QYyE"));

    @Test
    void findsTheFingerprintOnARocaModulus() {
        assertThat(RocaFingerprint.vulnerable(ROCA)).isTrue();
    }

    @Test
    void ordinaryKeysAndDegenerateModuliDoNotCarryIt() {
        for (int i = 0; i < 8; i++) {
            assertThat(RocaFingerprint.vulnerable(TestKey.rsa("r" + i).fresh().publicKey()))
                    .isFalse();
        }
        assertThat(RocaFingerprint.vulnerable(ROCA.add(BigInteger.TWO))).isFalse();
        assertThat(RocaFingerprint.vulnerable(BigInteger.ZERO)).isFalse();
        assertThat(RocaFingerprint.vulnerable(BigInteger.ONE.negate())).isFalse();
        assertThat(RocaFingerprint.vulnerable(TestKey.ec("e", "P-256").publicKey()))
                .isFalse();
    }
}
