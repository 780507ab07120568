package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.RequestContext;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.DpopProofs;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TOKEN_BINDING_MISMATCH for each way a DPoP proof can be wrong, with the binding control alone:
 * every refusal names its own cause, so an operator can tell a clock problem from an attack.
 */
class DpopProofRefusalTest {
    private static final TestKey CLIENT = TestKey.ec("client", "P-256");
    private static final String URL = "https://api.example.test/api/me";

    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);
    private final TokenValidator binding = Fixture.only(policy, Control.TOKEN_BINDING);
    private final String token =
            f.token().claim("cnf", Map.of("jkt", CLIENT.thumbprint())).signedWith(Fixture.RSA);

    private TokenBuilder proof() {
        return DpopProofs.proof(CLIENT, "GET", URL, token, f.now());
    }

    private Verdict present(String proof) {
        return binding.validate(
                token,
                RequestContext.builder()
                        .dpopScheme(true)
                        .dpop(List.of(proof), "GET", URI.create(URL))
                        .build());
    }

    private void assertRefused(String proof, String detail) {
        Verdict v = present(proof);
        assertRejected(v, Reason.TOKEN_BINDING_MISMATCH);
        assertThat(((Verdict.Rejected) v).detail()).isEqualTo(detail);
    }

    @Test
    void proofKeyThatDoesNotFitItsAlgIsRefused() {
        TestKey rsa = TestKey.rsa("client-rsa");
        assertRefused(
                proof().header("jwk", rsa.jwk().withoutKid().toMap()).signedWith(CLIENT),
                "the DPoP proof's jwk does not fit its alg");
        TestKey p384 = TestKey.ec("client-384", "P-384");
        assertRefused(
                proof().header("jwk", p384.jwk().withoutKid().toMap()).signedWith(CLIENT),
                "the DPoP proof's jwk does not fit its alg");
        assertRefused(
                proof().header("jwk", Map.of("kty", "EC", "crv", "P-256")).signedWith(CLIENT),
                "the DPoP proof's jwk is not a usable public key");
    }

    @Test
    void weakRsaProofKeyIsRefused() {
        TestKey weak = TestKey.rsa("client-1024", 1024);
        assertRefused(
                DpopProofs.proof(weak, "GET", URL, token, f.now()).signedWith(weak),
                "the DPoP proof's RSA key is under 2048 bits");
    }

    @Test
    void proofThatIsNoPlainSignedJwtIsRefused() {
        assertRefused(proof().header("cty", "JWT").signedWith(CLIENT), "the DPoP proof is not a signed JWT");
        assertRefused(
                proof().header("crit", List.of("x")).header("x", 1).signedWith(CLIENT), "the DPoP proof carries crit");
    }

    @Test
    void eachWrongClaimNamesItself() {
        assertRefused(proof().withoutClaim("jti").signedWith(CLIENT), "the DPoP proof has no usable jti");
        assertRefused(
                proof().claim("htm", "POST").signedWith(CLIENT), "the DPoP proof's htm is not the request method");
        assertRefused(
                proof().claim("htu", "https://api.example.test/api/admin").signedWith(CLIENT),
                "the DPoP proof's htu is not the request URI");
        assertRefused(proof().claim("iat", "now").signedWith(CLIENT), "the DPoP proof has no numeric iat");
        assertRefused(
                proof().issuedAt(f.now().plus(Duration.ofMinutes(3))).signedWith(CLIENT),
                "the DPoP proof was issued in the future");
        assertRefused(
                proof().issuedAt(f.now().minus(Duration.ofMinutes(3))).signedWith(CLIENT),
                "the DPoP proof is older than 60 seconds");
        assertRefused(
                proof().withoutClaim("ath").signedWith(CLIENT),
                "the DPoP proof's ath is not the hash of the access token");
    }

    @Test
    void jtiOfAtMost256CharactersIsUsable() {
        assertAccepted(present(proof().claim("jti", "j".repeat(256)).signedWith(CLIENT)));
        assertRefused(proof().claim("jti", "k".repeat(257)).signedWith(CLIENT), "the DPoP proof has no usable jti");
        assertRefused(proof().claim("jti", "").signedWith(CLIENT), "the DPoP proof has no usable jti");
    }
}
