package dev.keyfence.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Bouncy Castle fast path and the JDK's providers give the same verdict on the same vectors:
 * valid, tampered, zero-valued, out-of-range, wrong-length and DER-encoded signatures.
 */
class SignatureProvidersTest {
    private static final String INPUT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9";

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "ES384", "ES512", "EdDSA"})
    void bouncyCastleAndJdkAgreeOnEveryVector(String name) {
        java.security.Provider preferred = SignatureVerifier.preferredProvider(JwsAlgorithm.byName(name));
        assertThat(preferred == null ? "the JDK's" : preferred.getName())
                .as("Bouncy Castle is on the test class path and is preferred for " + name)
                .isEqualTo("BC");
        JwsAlgorithm alg = JwsAlgorithm.byName(name);
        TestKey key = keyFor(name);
        byte[] input = INPUT.getBytes(StandardCharsets.US_ASCII);
        byte[] good = Tokens.signature(name, key, INPUT);
        List<byte[]> invalid = new ArrayList<>();
        byte[] tampered = good.clone();
        tampered[tampered.length / 3] ^= 1;
        invalid.add(tampered);
        invalid.add(new byte[good.length]);
        invalid.add(Arrays.copyOf(good, good.length - 1));
        invalid.add(new byte[0]);
        if (alg.ecFieldBytes() > 0) {
            invalid.add(Tokens.derEcdsaSignatureFor(INPUT, key));
            invalid.add(withR(
                    good,
                    alg.ecFieldBytes(),
                    ((ECPublicKey) key.publicKey()).getParams().getOrder()));
            invalid.add(withR(good, alg.ecFieldBytes(), BigInteger.ZERO));
        }
        java.security.Provider fast = SignatureVerifier.preferredProvider(alg);
        assertThat(SignatureVerifier.verify(alg, key.publicKey(), input, good, fast))
                .isTrue();
        assertThat(SignatureVerifier.verify(alg, key.publicKey(), input, good, null))
                .isTrue();
        for (byte[] sig : invalid) {
            assertThat(SignatureVerifier.verify(alg, key.publicKey(), input, sig, fast))
                    .isFalse();
            assertThat(SignatureVerifier.verify(alg, key.publicKey(), input, sig, null))
                    .isFalse();
        }
    }

    private static TestKey keyFor(String alg) {
        switch (alg) {
            case "ES256":
                return TestKey.ec("p256", "P-256");
            case "ES384":
                return TestKey.ec("p384", "P-384");
            case "ES512":
                return TestKey.ec("p521", "P-521");
            default:
                return TestKey.ed25519("ed");
        }
    }

    /** The signature with r replaced by {@code r} (s kept), in the fixed-length encoding. */
    private static byte[] withR(byte[] sig, int field, BigInteger r) {
        byte[] out = sig.clone();
        byte[] rb = r.toByteArray();
        Arrays.fill(out, 0, field, (byte) 0);
        int len = Math.min(rb.length, field);
        System.arraycopy(rb, rb.length - len, out, field - len, len);
        return out;
    }
}
