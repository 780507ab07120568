package dev.keyfence.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import org.junit.jupiter.api.Test;

/**
 * What a rejection names besides its reason: the token's issuer and kid as presented, the key
 * scope only when the rejecting control ran after the key was found, and a tenant only for a
 * template issuer (an exact issuer's {@code tid} is never checked, so never reported).
 */
class RejectionContextTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    private Verdict.Rejected rejected(String token, Reason reason) {
        Verdict v = Fixture.validator(policy).validate(token);
        Fixture.assertRejected(v, reason);
        return (Verdict.Rejected) v;
    }

    @Test
    void aRejectionAfterTheKeyLookupNamesTheKeysScope() {
        Verdict.Rejected r =
                rejected(f.token().expiresAt(f.now().minusSeconds(3600)).signedWith(Fixture.RSA), Reason.TOKEN_EXPIRED);
        assertThat(r.issuer()).contains(Fixture.ISS);
        assertThat(r.kid()).contains(Fixture.RSA.kid());
        assertThat(r.keyScope()).contains(Fixture.SCOPE);
        assertThat(r.tenant()).isEmpty();
    }

    @Test
    void aRejectionBeforeOrAtTheKeyLookupNamesNoScope() {
        Verdict.Rejected untrusted = rejected(
                f.token().issuer("https://evil.example.test").signedWith(Fixture.RSA), Reason.ISSUER_NOT_TRUSTED);
        assertThat(untrusted.issuer()).contains("https://evil.example.test");
        assertThat(untrusted.kid()).contains(Fixture.RSA.kid());
        assertThat(untrusted.keyScope()).isEmpty();

        Verdict.Rejected unknownKid =
                rejected(f.token().kid("rotated-away").signedWith(Fixture.RSA), Reason.KEY_NOT_FOUND);
        assertThat(unknownKid.kid()).contains("rotated-away");
        assertThat(unknownKid.issuer()).contains(Fixture.ISS);
        assertThat(unknownKid.keyScope()).isEmpty();
    }

    @Test
    void anExactIssuersRejectionNamesNoTenantWhateverTheTokenSays() {
        Verdict.Rejected r = rejected(
                f.token().tenant("attacker-chosen").audience("api://other").signedWith(Fixture.RSA),
                Reason.AUDIENCE_NOT_ACCEPTED);
        assertThat(r.tenant()).isEmpty();
        assertThat(r.keyScope()).contains(Fixture.SCOPE);
    }

    @Test
    void aMalformedTokenNamesNothingButItsFingerprint() {
        Verdict.Rejected r = rejected("not.a-token", Reason.MALFORMED_TOKEN);
        assertThat(r.issuer()).isEmpty();
        assertThat(r.kid()).isEmpty();
        assertThat(r.keyScope()).isEmpty();
        assertThat(r.tenant()).isEmpty();
        assertThat(r.fingerprint()).hasSize(12);
        assertThat(r.detail()).isNotBlank();
    }
}
