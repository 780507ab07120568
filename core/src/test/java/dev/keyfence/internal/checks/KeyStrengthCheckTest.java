package dev.keyfence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyPolicy;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.crypto.RocaFingerprintTest;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.testkit.TestKey;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The weakness {@link KeyStrengthCheck} names for keys no JWK set can carry to a validator (see {@code KeyStrengthTest}). */
class KeyStrengthCheckTest {
    private static final TestKey RSA = TestKey.rsa("rsa-1");

    @Test
    void strengthCheckCallsExponentOneTooWeak() {
        assertThat(KeyStrengthCheck.weakness(rsaKey("e-one", true), KeyPolicy.defaults()))
                .contains("exponent is 1");
        assertThat(KeyStrengthCheck.weakness(rsaKey("rsa-1", false), KeyPolicy.defaults()))
                .isNull();
    }

    /** A 2048-bit RSA key with no dates, issuer or use; {@code exponentOne} marks an exponent of 1. */
    private static TrackedKey rsaKey(String kid, boolean exponentOne) {
        return new TrackedKey(
                kid,
                "jkt",
                "RSA",
                null,
                2048,
                RSA.publicKey(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                exponentOne);
    }

    @Test
    void strengthCheckCallsRocaModuliAndShortHmacSecretsTooWeak() throws Exception {
        java.security.PublicKey roca = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(
                        new java.security.spec.RSAPublicKeySpec(RocaFingerprintTest.ROCA, BigInteger.valueOf(65537)));
        TrackedKey rocaKey = new TrackedKey(
                "roca", "jkt", "RSA", null, 2048, roca, null, null, null, null, null, null, null, null, null, false,
                null, false);
        assertThat(KeyStrengthCheck.weakness(rocaKey, KeyPolicy.defaults())).contains("ROCA");
        TrackedKey secret256 = new TrackedKey(
                "hs", "jkt", "oct", null, 256, null, null, null, null, null, null, null, null, null, null, false, null,
                false);
        assertThat(KeyStrengthCheck.weakness(secret256, KeyPolicy.defaults(), JwsAlgorithm.HS256))
                .isNull();
        assertThat(KeyStrengthCheck.weakness(secret256, KeyPolicy.defaults(), JwsAlgorithm.HS384))
                .contains("under 384");
        assertThat(KeyStrengthCheck.weakness(secret256, KeyPolicy.defaults(), JwsAlgorithm.HS512))
                .contains("under 512");
        TrackedKey secret255 = new TrackedKey(
                "hs", "jkt", "oct", null, 255, null, null, null, null, null, null, null, null, null, null, false, null,
                false);
        assertThat(KeyStrengthCheck.weakness(secret255, KeyPolicy.defaults())).contains("under 256");
    }
}
