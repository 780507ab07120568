package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.RawJson;
import dev.keyfence.testkit.TestKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HEADER_NOT_ALLOWED: header members that let a token pick its own key, crit, b64. */
class HeaderCheckTest {
    private static final TestKey ATTACKER = TestKey.rsa("attacker");
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    private void assertHeaderRefused(String token) {
        assertRejected(Fixture.validator(policy).validate(token), Reason.HEADER_NOT_ALLOWED);
        assertControlCatches(policy, Control.HEADER, Reason.HEADER_NOT_ALLOWED, token);
    }

    @Test
    void rejectsEmbeddedJwkOfAttackerKey() {
        String token =
                f.token().header("jwk", RawJson.of(ATTACKER.jwk().toJson())).signedWith(ATTACKER);
        assertHeaderRefused(token);
    }

    @Test
    void rejectsEmbeddedJwkEvenWithTheTrustedKid() {
        String token = f.token()
                .kid(Fixture.RSA.kid())
                .header("jwk", RawJson.of(ATTACKER.jwk().kid(Fixture.RSA.kid()).toJson()))
                .signedWith(ATTACKER);
        assertHeaderRefused(token);
    }

    @Test
    void rejectsJkuToAttackerUrl() {
        assertHeaderRefused(
                f.token().header("jku", "https://attacker.example/keys.json").signedWith(ATTACKER));
    }

    @Test
    void rejectsX5uToAttackerUrl() {
        assertHeaderRefused(
                f.token().header("x5u", "https://attacker.example/cert.pem").signedWith(ATTACKER));
    }

    @Test
    void rejectsEmbeddedX5c() {
        String der = Base64.getEncoder().encodeToString(ATTACKER.publicKey().getEncoded());
        assertHeaderRefused(f.token().header("x5c", List.of(der)).signedWith(ATTACKER));
    }

    @Test
    void rejectsCritNamingUnknownExtension() {
        assertHeaderRefused(f.token()
                .header("crit", List.of("http://example.test/ext"))
                .header("http://example.test/ext", 1)
                .signedWith(Fixture.RSA));
    }

    @Test
    void rejectsUnencodedPayloadB64False() {
        assertHeaderRefused(
                f.token().header("b64", false).header("crit", List.of("b64")).signedWith(Fixture.RSA));
        assertHeaderRefused(f.token().header("b64", false).signedWith(Fixture.RSA));
    }
}
