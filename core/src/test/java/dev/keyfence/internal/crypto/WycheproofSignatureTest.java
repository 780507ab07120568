package dev.keyfence.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testvectors.Wycheproof;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Project Wycheproof's signature vectors for every asymmetric algorithm Keyfence verifies, through
 * {@link SignatureVerifier} on both crypto paths: the JDK's providers and the Bouncy Castle fast
 * path ({@link FastProvider}). 0 invalid accepted, 0 valid rejected.
 *
 * <p>{@code acceptable} cases: tcId 8 of both PKCS#1 v1.5 files (flag {@code MissingNull}: a
 * DigestInfo without the NULL parameter). Both paths accept it, as RFC 8017 9.2 note 2 allows
 * (it is the same signature of the same hash; nothing else passes); pinned so a change shows.
 *
 * <p>One documented exception, on the JDK path only: SunEC (JDK 17) compares r with the
 * x-coordinate of R without reducing it modulo n, so it refuses the valid ECDSA signatures whose R
 * has n &lt;= x &lt; p (Wycheproof "k*G has a large x-coordinate" and "x = n + r"). SunEC refuses
 * an r + n form of them as out of range, so Keyfence cannot ask it again. This fails closed (a
 * refusal, never an acceptance) and an honestly made signature lands there with probability about
 * (p - n) / p: 2^-128 for P-256, less for P-384 and P-521. Bouncy Castle, the preferred path for
 * ECDSA whenever it is on the class path, accepts them. Pinned below, so a JDK that fixes it shows.
 */
class WycheproofSignatureTest {
    /** Pinned verdicts of {@code acceptable} vectors, by file#tcId. */
    static final Map<String, Boolean> ACCEPTABLE = Map.of(
            "rsa_signature_2048_sha256_test.json#8", true,
            "rsa_signature_3072_sha256_test.json#8", true);

    /** Valid ECDSA vectors that the JDK's SunEC refuses (see the class comment), by file#tcId. */
    static final Set<String> JDK_REFUSES_VALID = Set.of(
            "ecdsa_secp256r1_sha256_p1363_test.json#115", "ecdsa_secp256r1_sha256_p1363_test.json#257",
            "ecdsa_secp384r1_sha384_p1363_test.json#147", "ecdsa_secp384r1_sha384_p1363_test.json#275",
            "ecdsa_secp521r1_sha512_p1363_test.json#184", "ecdsa_secp521r1_sha512_p1363_test.json#313");

    @ParameterizedTest
    @CsvSource({
        "ecdsa_secp256r1_sha256_p1363_test.json, ES256, EC",
        "ecdsa_secp384r1_sha384_p1363_test.json, ES384, EC",
        "ecdsa_secp521r1_sha512_p1363_test.json, ES512, EC",
        "ed25519_test.json, EdDSA, Ed25519",
        "rsa_pss_2048_sha256_mgf1_32_test.json, PS256, RSA",
        "rsa_pss_3072_sha256_mgf1_32_test.json, PS256, RSA",
        "rsa_signature_2048_sha256_test.json, RS256, RSA",
        "rsa_signature_3072_sha256_test.json, RS256, RSA"
    })
    void noInvalidSignatureVerifiesAndEveryValidOneDoesOnBothPaths(String file, String algName, String keyAlgorithm)
            throws GeneralSecurityException {
        JwsAlgorithm alg = JwsAlgorithm.byName(algName);
        Provider bc = FastProvider.EC_AND_EDDSA;
        assertThat(bc).as("Bouncy Castle is on the test class path").isNotNull();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            PublicKey key = KeyFactory.getInstance(keyAlgorithm)
                    .generatePublic(new X509EncodedKeySpec(
                            Wycheproof.hex((String) c.group().get("publicKeyDer"))));
            byte[] msg = Wycheproof.hex(c.string("msg"));
            byte[] sig = Wycheproof.hex(c.string("sig"));
            boolean jdk = SignatureVerifier.verify(alg, key, msg, sig, null);
            boolean fast = SignatureVerifier.verify(alg, key, msg, sig, bc);
            counts.merge(c.result(), 1, Integer::sum);
            if (JDK_REFUSES_VALID.contains(file + "#" + c.id())) {
                if (jdk || !fast || !c.result().equals("valid")) {
                    wrong.add("pinned JDK refusal changed: " + c + " (JDK " + jdk + ", BC " + fast + ")");
                }
                continue;
            }
            if (jdk != fast) {
                wrong.add(c + ": JDK " + jdk + ", Bouncy Castle " + fast);
            }
            switch (c.result()) {
                case "valid" -> {
                    if (!jdk || !fast) {
                        wrong.add("valid refused: " + c + " (JDK " + jdk + ", BC " + fast + ")");
                    }
                }
                case "invalid" -> {
                    if (jdk || fast) {
                        wrong.add("invalid accepted: " + c + " (JDK " + jdk + ", BC " + fast + ")");
                    }
                }
                default -> {
                    Boolean pinned = ACCEPTABLE.get(file + "#" + c.id());
                    if (pinned == null || pinned != jdk) {
                        wrong.add("acceptable not pinned or changed: " + c + " (JDK " + jdk + ", BC " + fast + ")");
                    }
                }
            }
        }
        System.out.println(file + " " + algName + " on JDK and Bouncy Castle: " + counts);
        assertThat(wrong).as(file).isEmpty();
        assertThat(counts.getOrDefault("valid", 0)).isPositive();
        assertThat(counts.getOrDefault("invalid", 0)).isPositive();
    }
}
