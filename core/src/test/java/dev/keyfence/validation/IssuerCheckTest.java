package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.Reason;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ISSUER_NOT_TRUSTED: exact, case-sensitive issuer match; keys only from the named issuer's own set. */
class IssuerCheckTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    @Test
    void acceptsExactIssuer() {
        assertAccepted(Fixture.validator(policy).validate(f.token().signedWith(Fixture.RSA)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                Fixture.ISS + "/",
                "https://login.example.test/Contoso/v2.0",
                "HTTPS://login.example.test/contoso/v2.0",
                " https://login.example.test/contoso/v2.0",
                "https://login.example.test/contoso/v2.0?x=1",
                "https://login.example.test/contoso",
                "https://attacker.example/contoso/v2.0"
            })
    void rejectsIssuerThatIsNotAnExactMatch(String iss) {
        String token = f.token().issuer(iss).signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.ISSUER_NOT_TRUSTED);
        assertControlCatches(policy, Control.ISSUER, Reason.ISSUER_NOT_TRUSTED, token);
    }

    @Test
    void rejectsIssuerWithTrailingSlash() {
        String token = f.token().issuer(Fixture.ISS + "/").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.ISSUER_NOT_TRUSTED);
        assertControlCatches(policy, Control.ISSUER, Reason.ISSUER_NOT_TRUSTED, token);
    }

    @Test
    void rejectsMissingIssuer() {
        String token = f.token().withoutClaim("iss").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.ISSUER_NOT_TRUSTED);
        assertControlCatches(policy, Control.ISSUER, Reason.ISSUER_NOT_TRUSTED, token);
    }

    @Test
    void rejectsNonStringIssuer() {
        String token = f.token().claim("iss", java.util.List.of(Fixture.ISS)).signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.ISSUER_NOT_TRUSTED);
    }

    @Test
    void rejectsTokenSignedByAnotherTrustedIssuersKey() {
        TestKey other = TestKey.rsa("fabrikam-1");
        TrustedIssuer fabrikam = TrustedIssuer.builder()
                .name("fabrikam")
                .issuer("https://fabrikam.example.test")
                .keySource(KeySource.jwks(JwkSet.of(other).toJson()))
                .keyScope(Fixture.SCOPE)
                .build();
        ValidationPolicy two = ValidationPolicy.builder()
                .issuer(Fixture.issuer(JwkSet.of(Fixture.RSA)).build())
                .issuer(fabrikam)
                .resource(Fixture.resource().build())
                .keys(KeyPolicy.builder().build())
                .clock(f.clock)
                .build();
        assertAccepted(Fixture.validator(two)
                .validate(f.token().issuer("https://fabrikam.example.test").signedWith(other)));
        assertRejected(Fixture.validator(two).validate(f.token().signedWith(other)), Reason.KEY_NOT_FOUND);
    }
}
