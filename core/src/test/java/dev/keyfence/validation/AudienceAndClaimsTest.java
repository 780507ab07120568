package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.RawJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUDIENCE_NOT_ACCEPTED, CLAIM_MISSING and CLAIM_INVALID. */
class AudienceAndClaimsTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(
            Fixture.issuer(JwkSet.of(Fixture.RSA)).build(),
            Fixture.resource().requiredClaims("sub").build());

    @Test
    void acceptsAudienceAsStringOrArray() {
        assertAccepted(Fixture.validator(policy)
                .validate(f.token().audience(Fixture.AUD).signedWith(Fixture.RSA)));
        assertAccepted(Fixture.validator(policy)
                .validate(f.token().audienceList("api://other", Fixture.AUD).signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsMissingAudience() {
        String token = f.token().withoutClaim("aud").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.AUDIENCE_NOT_ACCEPTED);
        assertControlCatches(policy, Control.AUDIENCE, Reason.AUDIENCE_NOT_ACCEPTED, token);
    }

    @Test
    void rejectsOtherAudience() {
        String token = f.token().audience("api://calendar").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.AUDIENCE_NOT_ACCEPTED);
        assertControlCatches(policy, Control.AUDIENCE, Reason.AUDIENCE_NOT_ACCEPTED, token);
        assertRejected(
                Fixture.validator(policy)
                        .validate(f.token().audience("API://MAIL").signedWith(Fixture.RSA)),
                Reason.AUDIENCE_NOT_ACCEPTED);
        assertRejected(
                Fixture.validator(policy).validate(f.token().audienceList().signedWith(Fixture.RSA)),
                Reason.AUDIENCE_NOT_ACCEPTED);
        assertRejected(
                Fixture.validator(policy)
                        .validate(f.token().audienceList("api://a", "api://b").signedWith(Fixture.RSA)),
                Reason.AUDIENCE_NOT_ACCEPTED);
    }

    @Test
    void rejectsAudienceAsNumber() {
        String token = f.token().claim("aud", 42).signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.CLAIM_INVALID);
        assertControlCatches(policy, Control.CLAIM_TYPES, Reason.CLAIM_INVALID, token);
    }

    @Test
    void rejectsAudienceArrayHoldingANonString() {
        String token = f.token().claim("aud", List.of(Fixture.AUD, 7)).signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.CLAIM_INVALID);
        assertRejected(
                Fixture.validator(policy)
                        .validate(
                                f.token().claim("aud", RawJson.of("{\"a\":1}")).signedWith(Fixture.RSA)),
                Reason.CLAIM_INVALID);
    }

    @Test
    void audienceArrayWithANonStringAndNoAcceptedAudienceIsATypeErrorNotARefusal() {
        // the audience control leaves a malformed aud to the claim types control, matching or not
        String token = f.token().claim("aud", List.of("api://other", 7)).signedWith(Fixture.RSA);
        assertAccepted(Fixture.only(policy, Control.AUDIENCE).validate(token));
        assertRejected(Fixture.validator(policy).validate(token), Reason.CLAIM_INVALID);
        assertControlCatches(policy, Control.CLAIM_TYPES, Reason.CLAIM_INVALID, token);
    }

    @Test
    void rejectsMissingRequiredClaim() {
        String token = f.token().withoutClaim("sub").signedWith(Fixture.RSA);
        assertRejected(Fixture.validator(policy).validate(token), Reason.CLAIM_MISSING);
        assertControlCatches(policy, Control.REQUIRED_CLAIMS, Reason.CLAIM_MISSING, token);
        assertRejected(
                Fixture.validator(policy).validate(f.token().claim("sub", null).signedWith(Fixture.RSA)),
                Reason.CLAIM_MISSING);
    }

    @Test
    void rejectsRegisteredStringClaimOfWrongType() {
        for (String claim : List.of("sub", "jti", "client_id")) {
            String token = f.token().claim(claim, 12).signedWith(Fixture.RSA);
            assertRejected(Fixture.validator(policy).validate(token), Reason.CLAIM_INVALID);
            assertControlCatches(policy, Control.CLAIM_TYPES, Reason.CLAIM_INVALID, token);
        }
    }
}
