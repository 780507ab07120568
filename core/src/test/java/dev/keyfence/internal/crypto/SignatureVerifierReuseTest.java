package dev.keyfence.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A thread's JCA object is initialized again only for another key: whatever came before on the
 * thread (another key, a refused signature, a malformed one), a signature verifies with its own
 * key only, and only over the exact input length given.
 */
class SignatureVerifierReuseTest {
    private static final String INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9";
    private static final byte[] IN = INPUT.getBytes(StandardCharsets.US_ASCII);

    private static TestKey key(String alg, String kid) {
        return switch (alg) {
            case "ES256" -> TestKey.ec(kid, "P-256");
            case "EdDSA" -> TestKey.ed25519(kid);
            default -> TestKey.rsa(kid);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
    void aSignatureVerifiesWithItsOwnKeyOnlyWhateverCameBefore(String name) {
        JwsAlgorithm alg = JwsAlgorithm.byName(name);
        TestKey a = key(name, "a");
        TestKey b = key(name, "b");
        byte[] byA = Tokens.signature(name, a, INPUT);
        byte[] byB = Tokens.signature(name, b, INPUT);
        for (int round = 0; round < 3; round++) {
            assertThat(SignatureVerifier.verify(alg, a.publicKey(), IN, byA)).isTrue();
            assertThat(SignatureVerifier.verify(alg, a.publicKey(), IN, byB))
                    .isFalse(); // same key again, B's signature
            assertThat(SignatureVerifier.verify(alg, b.publicKey(), IN, byA)).isFalse(); // new key, A's signature
            assertThat(SignatureVerifier.verify(alg, b.publicKey(), IN, byB)).isTrue();
            assertThat(SignatureVerifier.verify(alg, b.publicKey(), IN, new byte[] {1, 2, 3}))
                    .isFalse(); // malformed
            assertThat(SignatureVerifier.verify(alg, b.publicKey(), IN, byB)).isTrue(); // after a malformed one
            assertThat(SignatureVerifier.verify(alg, a.publicKey(), IN, byB)).isFalse();
        }
    }

    /** The thread's Mac object likewise: reused across calls, re-initialized for another secret only. */
    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void aMacVerifiesWithItsOwnSecretOnlyWhateverCameBefore(String name) {
        JwsAlgorithm alg = JwsAlgorithm.byName(name);
        TestKey a = TestKey.hmac("a", secret(1));
        TestKey b = TestKey.hmac("b", secret(2));
        byte[] byA = Tokens.signature(name, a, INPUT);
        byte[] byB = Tokens.signature(name, b, INPUT);
        for (int round = 0; round < 3; round++) {
            assertThat(SignatureVerifier.verify(alg, a.secretKey(), IN, byA)).isTrue();
            assertThat(SignatureVerifier.verify(alg, a.secretKey(), IN, byB)).isFalse();
            assertThat(SignatureVerifier.verify(alg, b.secretKey(), IN, byA)).isFalse();
            assertThat(SignatureVerifier.verify(alg, b.secretKey(), IN, byB)).isTrue();
            assertThat(SignatureVerifier.verify(alg, b.secretKey(), IN, IN.length - 1, byB))
                    .isFalse(); // a shorter input right after the same secret
            assertThat(SignatureVerifier.verify(alg, b.secretKey(), IN, new byte[] {1, 2, 3}))
                    .isFalse();
            assertThat(SignatureVerifier.verify(alg, b.secretKey(), IN, byB)).isTrue();
            // an equal secret in another key object verifies too (the object is re-initialized, same bytes)
            assertThat(SignatureVerifier.verify(
                            alg, TestKey.hmac("a2", secret(1)).secretKey(), IN, byA))
                    .isTrue();
        }
    }

    private static byte[] secret(int seed) {
        byte[] s = new byte[64];
        new java.util.Random(seed).nextBytes(s);
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
    void onlyTheGivenLengthOfABufferIsSigned(String name) {
        JwsAlgorithm alg = JwsAlgorithm.byName(name);
        TestKey a = key(name, "a");
        byte[] sig = Tokens.signature(name, a, INPUT);
        byte[] buffer = Arrays.copyOf(IN, IN.length + 50);
        Arrays.fill(buffer, IN.length, buffer.length, (byte) 'x');
        assertThat(SignatureVerifier.verify(alg, a.publicKey(), buffer, IN.length, sig))
                .isTrue();
        assertThat(SignatureVerifier.verify(alg, a.publicKey(), buffer, IN.length + 1, sig))
                .isFalse();
        assertThat(SignatureVerifier.verify(alg, a.publicKey(), buffer, IN.length - 1, sig))
                .isFalse();
        assertThat(SignatureVerifier.verify(alg, a.publicKey(), buffer, sig)).isFalse(); // the whole buffer
    }
}
