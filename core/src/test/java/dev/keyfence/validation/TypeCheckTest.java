package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** TYPE_NOT_ALLOWED: typ allowlist, JWE and nested tokens. */
class TypeCheckTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAccessTokenTypesInAnyCaseAndWithApplicationPrefix() {
        assertAccepted(
                Fixture.validator(policy).validate(f.token().typ("at+jwt").signedWith(Fixture.RSA)));
        assertAccepted(Fixture.validator(policy)
                .validate(f.token().typ("application/AT+JWT").signedWith(Fixture.RSA)));
        assertAccepted(Fixture.validator(policy).validate(f.token().typ("JWT").signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsIdTokenTypeWhereAccessTokenRequired() {
        ValidationPolicy atOnly = f.policy(
                Fixture.issuer(dev.keyfence.testkit.JwkSet.of(Fixture.RSA)).build(),
                Fixture.resource().tokenTypes("at+jwt").build());
        String idToken = f.token().typ("JWT").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(atOnly).validate(idToken), Reason.TYPE_NOT_ALLOWED);
        assertControlCatches(atOnly, Control.TOKEN_TYPE, Reason.TYPE_NOT_ALLOWED, idToken);
    }

    @Test
    void rejectsUnknownTyp() {
        String token = f.token().typ("secevent+jwt").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.TYPE_NOT_ALLOWED);
        assertControlCatches(policy, Control.TOKEN_TYPE, Reason.TYPE_NOT_ALLOWED, token);
    }

    @Test
    void rejectsNonStringTyp() {
        assertRejected(
                Fixture.validator(policy).validate(f.token().header("typ", 1).signedWith(Fixture.RSA)),
                Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void rejectsMissingTypUnlessEmptyTypeListed() {
        String untyped = f.token().withoutHeader("typ").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(untyped), Reason.TYPE_NOT_ALLOWED);
        ValidationPolicy lax = f.policy(
                Fixture.issuer(dev.keyfence.testkit.JwkSet.of(Fixture.RSA)).build(),
                Fixture.resource().tokenTypes("at+jwt", "").build());
        assertAccepted(Fixture.validator(lax).validate(untyped));
    }

    @Test
    void rejectsFivePartJwe() {
        String jwe = b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"rsa-1\"}") + "."
                + b64("encrypted-key") + "." + b64("iv-iv-iv-iv") + "." + b64("ciphertext") + "." + b64("tag");
        assertRejected(Fixture.validator(policy).validate(jwe), Reason.TYPE_NOT_ALLOWED);
        assertControlCatches(policy, Control.TOKEN_TYPE, Reason.TYPE_NOT_ALLOWED, jwe);
    }

    @Test
    void rejectsNestedToken() {
        String inner = f.token().signedWith(Fixture.RSA);
        String nested = Tokens.builder()
                .typ("at+jwt")
                .header("cty", "JWT")
                .rawPayload(inner)
                .signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(nested), Reason.TYPE_NOT_ALLOWED);
        assertControlCatches(policy, Control.TOKEN_TYPE, Reason.TYPE_NOT_ALLOWED, nested);
    }
}
