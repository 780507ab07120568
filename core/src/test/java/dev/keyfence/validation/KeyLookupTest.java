package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.KeySource;
import dev.keyfence.Reason;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KEY_NOT_FOUND: lookup by kid in the issuer's own set, duplicate kids, and the key fitting the alg. */
class KeyLookupTest {
    private static final TestKey EC = TestKey.ec("ec-1", "P-256");
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA, EC);

    @Test
    void rejectsUnknownKid() {
        String token = f.token().kid("rotated-away").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.KEY_NOT_FOUND);
        assertControlCatches(policy, Control.KEY_LOOKUP, Reason.KEY_NOT_FOUND, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../dev/null", "' OR 1=1 --", "", "/etc/passwd", "rsa-1\u0000", "RSA-1", "rsa-1 "})
    void rejectsHostileKid(String kid) {
        String token = f.token().kid(kid).signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.KEY_NOT_FOUND);
        assertControlCatches(policy, Control.KEY_LOOKUP, Reason.KEY_NOT_FOUND, token);
    }

    @Test
    void rejectsKidPathTraversal() {
        rejectsHostileKid("../../dev/null");
    }

    @Test
    void rejectsKidSqlInjection() {
        rejectsHostileKid("' OR 1=1 --");
    }

    @Test
    void rejectsEmptyKid() {
        rejectsHostileKid("");
    }

    @Test
    void duplicateKidInKeySetMeansNoKey() {
        TestKey twin = Fixture.RSA.fresh();
        ValidationPolicy dup = f.policy(Fixture.RSA, twin, EC);
        String token = f.token().signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(dup).validate(token), Reason.KEY_NOT_FOUND);
        assertRejected(Fixture.validator(dup).validate(f.token().signedWith(twin)), Reason.KEY_NOT_FOUND);
        assertControlCatches(dup, Control.KEY_LOOKUP, Reason.KEY_NOT_FOUND, token);
        assertAccepted(Fixture.validator(dup).validate(f.token().signedWith(EC)));
    }

    @Test
    void acceptsTokenWithoutKidWhenExactlyOneKeyFits() {
        assertAccepted(Fixture.validator(policy).validate(f.token().withoutKid().signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsTokenWithoutKidWhenSeveralKeysFit() {
        ValidationPolicy two = f.policy(Fixture.RSA, TestKey.rsa("rsa-2"));
        String token = f.token().withoutKid().signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(two).validate(token), Reason.KEY_NOT_FOUND);
        assertControlCatches(two, Control.KEY_LOOKUP, Reason.KEY_NOT_FOUND, token);
    }

    @Test
    void rejectsAlgOfAnotherKeyType() {
        String token = f.token().kid(EC.kid()).signedWith(Fixture.RSA, "RS256");
        assertRejected(Fixture.validator(policy).validate(token), Reason.KEY_NOT_FOUND);
        assertControlCatches(policy, Control.KEY_LOOKUP, Reason.KEY_NOT_FOUND, token);
    }

    @Test
    void rejectsAlgOfAnotherCurve() {
        TestKey p384 = TestKey.ec("ec-1", "P-384");
        String token = f.token().kid(EC.kid()).signedWith(p384, "ES384");
        assertRejected(Fixture.validator(policy).validate(token), Reason.KEY_NOT_FOUND);
    }

    @Test
    void rejectsAlgOtherThanTheKeysOwnAlg() {
        ValidationPolicy pinned = f.policy(JwkSet.of(Fixture.RSA.jwk().member("alg", "PS256")));
        String token = f.token().signedWith(Fixture.RSA, "RS256");
        assertRejected(Fixture.validator(pinned).validate(token), Reason.KEY_NOT_FOUND);
        assertControlCatches(pinned, Control.KEY_LOOKUP, Reason.KEY_NOT_FOUND, token);
        assertAccepted(Fixture.validator(pinned).validate(f.token().signedWith(Fixture.RSA, "PS256")));
    }

    @Test
    void rejectsEncryptionKey() {
        ValidationPolicy enc = f.policy(JwkSet.of(Fixture.RSA.jwk().member("use", "enc")));
        assertRejected(Fixture.validator(enc).validate(f.token().signedWith(Fixture.RSA)), Reason.KEY_NOT_FOUND);
        ValidationPolicy sig = f.policy(JwkSet.of(Fixture.RSA.jwk().member("use", "sig")));
        assertAccepted(Fixture.validator(sig).validate(f.token().signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsKeyWhoseKeyOpsLackVerify() {
        ValidationPolicy ops = f.policy(JwkSet.of(Fixture.RSA.jwk().member("key_ops", List.of("encrypt"))));
        assertRejected(Fixture.validator(ops).validate(f.token().signedWith(Fixture.RSA)), Reason.KEY_NOT_FOUND);
        ValidationPolicy verify = f.policy(JwkSet.of(Fixture.RSA.jwk().member("key_ops", List.of("verify"))));
        assertAccepted(Fixture.validator(verify).validate(f.token().signedWith(Fixture.RSA)));
    }

    @Test
    void hostileKidIsQuotedAndBoundedInTheDetail() {
        String kid = "x\nFAKE audit line: token accepted\r" + "k".repeat(5000);
        dev.keyfence.Verdict v =
                Fixture.validator(policy).validate(f.token().kid(kid).signedWith(Fixture.RSA));
        assertRejected(v, Reason.KEY_NOT_FOUND);
        String detail = ((dev.keyfence.Verdict.Rejected) v).detail();
        org.assertj.core.api.Assertions.assertThat(detail)
                .doesNotContain("\n")
                .doesNotContain("\r")
                .hasSizeLessThan(300);
    }

    @Test
    void lookupAloneFindsNoKeyForAnUntrustedIssuerOrAnUnknownAlgorithm() {
        // with the issuer and algorithm controls off, the lookup itself still refuses to pick a key
        String untrusted = f.token().issuer("https://attacker.example").signedWith(Fixture.RSA);
        assertRejected(Fixture.only(policy, Control.KEY_LOOKUP).validate(untrusted), Reason.KEY_NOT_FOUND);
        String unknownAlg = f.token().alg("RS1").kid(Fixture.RSA.kid()).withSignature(new byte[256]);
        assertRejected(Fixture.only(policy, Control.KEY_LOOKUP).validate(unknownAlg), Reason.KEY_NOT_FOUND);
    }

    @Test
    void keySetThatCannotBeReadMakesKeysUnavailableNotMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\": not json");
        ValidationPolicy unreadable = f.policy(
                TrustedIssuer.builder()
                        .name("contoso")
                        .issuer(Fixture.ISS)
                        .keySource(KeySource.file(file))
                        .keyScope(Fixture.SCOPE)
                        .build(),
                Fixture.resource().build());
        String token = f.token().signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(unreadable).validate(token), Reason.KEYS_UNAVAILABLE);
        assertControlCatches(unreadable, Control.KEY_LOOKUP, Reason.KEYS_UNAVAILABLE, token);
    }
}
