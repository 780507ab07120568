package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SIGNATURE_INVALID, and every supported algorithm accepted with a proper key. */
class SignatureTest {
    private static final TestKey P256 = TestKey.ec("ec-256", "P-256");
    private static final TestKey P384 = TestKey.ec("ec-384", "P-384");
    private static final TestKey P521 = TestKey.ec("ec-521", "P-521");
    private static final TestKey ED = TestKey.ed25519("ed-1");
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA, P256, P384, P521, ED);

    private static TestKey key(String name) {
        return switch (name) {
            case "rsa" -> Fixture.RSA;
            case "p256" -> P256;
            case "p384" -> P384;
            case "p521" -> P521;
            default -> ED;
        };
    }

    @ParameterizedTest
    @CsvSource({
        "RS256,rsa",
        "RS384,rsa",
        "RS512,rsa",
        "PS256,rsa",
        "PS384,rsa",
        "PS512,rsa",
        "ES256,p256",
        "ES384,p384",
        "ES512,p521",
        "EdDSA,ed"
    })
    void acceptsEveryAlgorithmWithAProperKey(String alg, String keyName) {
        assertThat(Fixture.ALL_ALGS).contains(alg);
        Verdict v = Fixture.validator(policy).validate(f.token().signedWith(key(keyName), alg));
        assertAccepted(v);
        assertThat(((Verdict.Accepted) v).token().kid()).contains(key(keyName).kid());
    }

    @ParameterizedTest
    @CsvSource({"RS256,rsa", "PS384,rsa", "ES256,p256", "ES512,p521", "EdDSA,ed"})
    void rejectsTamperedPayload(String alg, String keyName) {
        String token = f.token().signedWith(key(keyName), alg);
        String other = f.token().subject("mallory").signedWith(key(keyName), alg);
        String spliced = token.substring(0, token.indexOf('.'))
                + other.substring(other.indexOf('.'), other.lastIndexOf('.'))
                + token.substring(token.lastIndexOf('.'));
        assertRejected(Fixture.validator(policy).validate(spliced), Reason.SIGNATURE_INVALID);
        assertControlCatches(policy, Control.SIGNATURE, Reason.SIGNATURE_INVALID, spliced);
        assertAccepted(Fixture.allBut(policy, Control.SIGNATURE).validate(spliced));
    }

    @Test
    void rejectsSignatureByAnotherKeyUnderTheTrustedKid() {
        String forged = f.token().signedWith(Fixture.RSA.fresh());
        assertRejected(Fixture.validator(policy).validate(forged), Reason.SIGNATURE_INVALID);
        assertControlCatches(policy, Control.SIGNATURE, Reason.SIGNATURE_INVALID, forged);
    }

    @Test
    void rejectsEcdsaSignatureOfSixtyFourZeroBytes() {
        String psychic = f.token().alg("ES256").kid(P256.kid()).withSignature(new byte[64]);
        assertRejected(Fixture.validator(policy).validate(psychic), Reason.SIGNATURE_INVALID);
        assertControlCatches(policy, Control.SIGNATURE, Reason.SIGNATURE_INVALID, psychic);
    }

    @Test
    void rejectsDerEncodedEcdsaSignature() {
        String der = f.token().signedWithDerEcdsa(P256);
        assertRejected(Fixture.validator(policy).validate(der), Reason.SIGNATURE_INVALID);
        assertControlCatches(policy, Control.SIGNATURE, Reason.SIGNATURE_INVALID, der);
    }

    @Test
    void rejectsEcdsaSignatureWithRZeroOrSZero() {
        TokenBuilder b = f.token().alg("ES256").kid(P256.kid());
        byte[] good = Tokens.signatureBytes(b.signedWith(P256));
        byte[] rZero = good.clone();
        Arrays.fill(rZero, 0, 32, (byte) 0);
        byte[] sZero = good.clone();
        Arrays.fill(sZero, 32, 64, (byte) 0);
        assertAccepted(Fixture.validator(policy).validate(b.withSignature(good)));
        assertRejected(Fixture.validator(policy).validate(b.withSignature(rZero)), Reason.SIGNATURE_INVALID);
        assertRejected(Fixture.validator(policy).validate(b.withSignature(sZero)), Reason.SIGNATURE_INVALID);
    }

    @Test
    void rejectsEcdsaSignatureWithROrSOutOfRange() {
        TokenBuilder b = f.token().alg("ES256").kid(P256.kid());
        byte[] good = Tokens.signatureBytes(b.signedWith(P256));
        BigInteger n = ((ECPublicKey) P256.publicKey()).getParams().getOrder();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(good, 32, 64));
        // r + n and s + n are congruent to r and s: a lenient verifier reducing mod n would accept them
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(good, 0, 32));
        if (r.add(n).bitLength() <= 256) {
            assertRejected(
                    Fixture.validator(policy).validate(b.withSignature(concat(r.add(n), s))), Reason.SIGNATURE_INVALID);
        }
        assertRejected(Fixture.validator(policy).validate(b.withSignature(concat(n, s))), Reason.SIGNATURE_INVALID);
        assertRejected(Fixture.validator(policy).validate(b.withSignature(concat(r, n))), Reason.SIGNATURE_INVALID);
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertRejected(Fixture.validator(policy).validate(b.withSignature(concat(max, max))), Reason.SIGNATURE_INVALID);
    }

    @Test
    void rejectsSignatureOfWrongLength() {
        TokenBuilder es = f.token().alg("ES256").kid(P256.kid());
        byte[] good = Tokens.signatureBytes(es.signedWith(P256));
        assertRejected(
                Fixture.validator(policy).validate(es.withSignature(Arrays.copyOf(good, 63))),
                Reason.SIGNATURE_INVALID);
        assertRejected(
                Fixture.validator(policy).validate(es.withSignature(Arrays.copyOf(good, 65))),
                Reason.SIGNATURE_INVALID);
        TokenBuilder ed = f.token().alg("EdDSA").kid(ED.kid());
        byte[] edSig = Tokens.signatureBytes(ed.signedWith(ED));
        assertRejected(
                Fixture.validator(policy).validate(ed.withSignature(Arrays.copyOf(edSig, 65))),
                Reason.SIGNATURE_INVALID);
        TokenBuilder rs = f.token().alg("RS256").kid(Fixture.RSA.kid());
        assertRejected(Fixture.validator(policy).validate(rs.withSignature(new byte[0])), Reason.SIGNATURE_INVALID);
        byte[] rsSig = Tokens.signatureBytes(rs.signedWith(Fixture.RSA));
        assertRejected(
                Fixture.validator(policy).validate(rs.withSignature(Arrays.copyOf(rsSig, 255))),
                Reason.SIGNATURE_INVALID);
    }

    @Test
    void rejectsPssSignatureUnderRs256Header() {
        TokenBuilder b = f.token().alg("RS256").kid(Fixture.RSA.kid());
        byte[] pss = Tokens.signature("PS256", Fixture.RSA, b.signingInput(null, null));
        assertRejected(Fixture.validator(policy).validate(b.withSignature(pss)), Reason.SIGNATURE_INVALID);
    }

    @Test
    void rejectsSignatureOverAnotherEncodingOfTheSameHeader() {
        String token = f.token().signedWith(Fixture.RSA);
        String reencoded = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Tokens.decodePart(token, 0)
                        .replace(",", ", ")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String spliced = reencoded + token.substring(token.indexOf('.'));
        assertRejected(Fixture.validator(policy).validate(spliced), Reason.SIGNATURE_INVALID);
    }

    private static byte[] concat(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int rl = Math.min(rb.length, 32);
        int sl = Math.min(sb.length, 32);
        System.arraycopy(rb, rb.length - rl, out, 32 - rl, rl);
        System.arraycopy(sb, sb.length - sl, out, 64 - sl, sl);
        return out;
    }
}
