package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ALGORITHM_NOT_ALLOWED: none in any spelling, HS* without per-issuer opt-in, allowlists. */
class AlgorithmCheckTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void rejectsAlgNoneInAnySpelling(String none) {
        String unsigned = f.token().alg(none).kid(Fixture.RSA.kid()).unsigned();
        assertRejected(Fixture.validator(policy).validate(unsigned), Reason.ALGORITHM_NOT_ALLOWED);
        assertControlCatches(policy, Control.ALGORITHM, Reason.ALGORITHM_NOT_ALLOWED, unsigned);
    }

    @Test
    void rejectsAlgNoneEvenWithAValidSignatureAttached() {
        String signed = f.token().signedWith(Fixture.RSA);
        String header = f.token().alg("none").kid(Fixture.RSA.kid()).unsigned();
        String mixed = header.substring(0, header.indexOf('.')) + signed.substring(signed.indexOf('.'));
        assertRejected(Fixture.validator(policy).validate(mixed), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsHs256SignedWithRsaPublicKeyDer() {
        String forged = f.token()
                .alg("HS256")
                .kid(Fixture.RSA.kid())
                .signedWithHmacSecret(Fixture.RSA.publicKey().getEncoded());
        assertRejected(Fixture.validator(policy).validate(forged), Reason.ALGORITHM_NOT_ALLOWED);
        assertControlCatches(policy, Control.ALGORITHM, Reason.ALGORITHM_NOT_ALLOWED, forged);
    }

    @Test
    void rejectsHs256SignedWithRsaPublicKeyPem() {
        String forged = f.token()
                .alg("HS256")
                .signedWithHmacSecret(Fixture.RSA.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        assertRejected(Fixture.validator(policy).validate(forged), Reason.ALGORITHM_NOT_ALLOWED);
        assertControlCatches(policy, Control.ALGORITHM, Reason.ALGORITHM_NOT_ALLOWED, forged);
    }

    @Test
    void rsaPublicKeyNeverServesAsHmacSecretEvenWhenHs256IsEnabled() {
        ValidationPolicy hs = f.policy(
                Fixture.issuer(JwkSet.of(Fixture.RSA))
                        .algorithms("RS256", "HS256")
                        .build(),
                Fixture.resource().build());
        String forged = f.token()
                .alg("HS256")
                .kid(Fixture.RSA.kid())
                .signedWithHmacSecret(Fixture.RSA.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        assertRejected(Fixture.validator(hs).validate(forged), Reason.KEY_NOT_FOUND);
    }

    @Test
    void acceptsHs256OnlyForTheIssuerThatEnablesIt() {
        TestKey secret = TestKey.hmac("hs-1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        ValidationPolicy enabled = f.policy(
                Fixture.issuer(JwkSet.of(secret)).algorithms("HS256").build(),
                Fixture.resource().build());
        ValidationPolicy notEnabled = f.policy(JwkSet.of(secret));
        String token = f.token().signedWith(secret);
        assertAccepted(Fixture.validator(enabled).validate(token));
        assertRejected(Fixture.validator(notEnabled).validate(token), Reason.ALGORITHM_NOT_ALLOWED);
        assertControlCatches(notEnabled, Control.ALGORITHM, Reason.ALGORITHM_NOT_ALLOWED, token);
    }

    @Test
    void rejectsMissingAlg() {
        String token = f.token().kid(Fixture.RSA.kid()).withSignature(new byte[256]);
        assertRejected(Fixture.validator(policy).validate(token), Reason.ALGORITHM_NOT_ALLOWED);
        assertControlCatches(policy, Control.ALGORITHM, Reason.ALGORITHM_NOT_ALLOWED, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs256", "RS1", "RSA-OAEP", "", "ES256K"})
    void rejectsUnknownOrMisspelledAlg(String alg) {
        String token = f.token().alg(alg).signedWith(Fixture.RSA, "RS256");
        assertRejected(Fixture.validator(policy).validate(token), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsNonStringAlg() {
        String token = f.token().header("alg", java.util.List.of("RS256")).withSignature(new byte[256]);
        assertRejected(Fixture.validator(policy).validate(token), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsAlgOutsideTheResourceAllowlist() {
        ValidationPolicy rsOnly = f.policy(
                Fixture.issuer(JwkSet.of(Fixture.RSA)).build(),
                Fixture.resource().algorithms("RS256").build());
        String ps = f.token().signedWith(Fixture.RSA, "PS256");
        assertRejected(Fixture.validator(rsOnly).validate(ps), Reason.ALGORITHM_NOT_ALLOWED);
        assertControlCatches(rsOnly, Control.ALGORITHM, Reason.ALGORITHM_NOT_ALLOWED, ps);
    }

    @Test
    void rejectsAlgOutsideTheIssuerAllowlist() {
        ValidationPolicy narrowed = f.policy(
                Fixture.issuer(JwkSet.of(Fixture.RSA)).algorithms("PS256").build(),
                Fixture.resource().build());
        assertRejected(
                Fixture.validator(narrowed).validate(f.token().signedWith(Fixture.RSA, "RS256")),
                Reason.ALGORITHM_NOT_ALLOWED);
        assertAccepted(Fixture.validator(narrowed).validate(f.token().signedWith(Fixture.RSA, "PS256")));
    }
}
