package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.RawJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TOKEN_EXPIRED, TOKEN_NOT_YET_VALID, TOKEN_ISSUED_IN_FUTURE, TOKEN_LIFETIME_TOO_LONG, NumericDate types. */
class TokenTimesTest {
    private final Fixture f = new Fixture();
    private final ValidationPolicy policy = f.policy(Fixture.RSA);

    private Verdict validate(String token) {
        return Fixture.validator(policy).validate(token);
    }

    @Test
    void rejectsMissingExp() {
        String token = f.token().withoutClaim("exp").signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.TOKEN_EXPIRED);
        assertControlCatches(policy, Control.TOKEN_EXPIRY, Reason.TOKEN_EXPIRED, token);
    }

    @Test
    void rejectsExpiredBeyondClockSkew() {
        String token = f.token()
                .issuedAt(f.now().minusSeconds(3600))
                .expiresAt(f.now().minusSeconds(61))
                .signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.TOKEN_EXPIRED);
        assertControlCatches(policy, Control.TOKEN_EXPIRY, Reason.TOKEN_EXPIRED, token);
    }

    @Test
    void acceptsExpiredWithinClockSkew() {
        assertAccepted(validate(f.token()
                .issuedAt(f.now().minusSeconds(3600))
                .expiresAt(f.now().minusSeconds(59))
                .signedWith(Fixture.RSA)));
    }

    @Test
    void tokenExpiresWhenTheClockMoves() {
        String token = f.token().signedWith(Fixture.RSA);
        assertAccepted(validate(token));
        f.clock.advance(Duration.ofMinutes(12));
        assertRejected(validate(token), Reason.TOKEN_EXPIRED);
    }

    @Test
    void rejectsNotBeforeInTheFuture() {
        String token = f.token().notBefore(f.now().plusSeconds(61)).signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.TOKEN_NOT_YET_VALID);
        assertControlCatches(policy, Control.TOKEN_NOT_BEFORE, Reason.TOKEN_NOT_YET_VALID, token);
        assertAccepted(validate(f.token().notBefore(f.now().plusSeconds(59)).signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsIssuedInTheFuture() {
        String token = f.token()
                .issuedAt(f.now().plusSeconds(120))
                .expiresAt(f.now().plusSeconds(600))
                .signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.TOKEN_ISSUED_IN_FUTURE);
        assertControlCatches(policy, Control.TOKEN_ISSUED_AT, Reason.TOKEN_ISSUED_IN_FUTURE, token);
    }

    @Test
    void rejectsLifetimeOverTheCap() {
        String token = f.token().expiresIn(Duration.ofHours(25), f.now()).signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.TOKEN_LIFETIME_TOO_LONG);
        assertControlCatches(policy, Control.TOKEN_LIFETIME, Reason.TOKEN_LIFETIME_TOO_LONG, token);
        assertAccepted(
                validate(f.token().expiresIn(Duration.ofHours(24), f.now()).signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsLongRemainingLifetimeWithoutIat() {
        String token = f.token()
                .withoutClaim("iat")
                .expiresAt(f.now().plus(Duration.ofDays(30)))
                .signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.TOKEN_LIFETIME_TOO_LONG);
    }

    @Test
    void acceptsNonIntegerNumericDates() {
        long now = f.now().getEpochSecond();
        String token = f.token()
                .claim("iat", RawJson.of((now - 10) + ".25"))
                .claim("nbf", RawJson.of((now - 10) + ".5"))
                .claim("exp", RawJson.of((now + 300) + ".75"))
                .signedWith(Fixture.RSA);
        Verdict v = validate(token);
        assertAccepted(v);
        assertThat(((Verdict.Accepted) v).token().expiresAt()).isEqualTo(Instant.ofEpochSecond(now + 300, 750_000_000));
        assertAccepted(
                validate(f.token().claim("exp", RawJson.of((now + 300) + "e0")).signedWith(Fixture.RSA)));
    }

    @Test
    void rejectsExpAsString() {
        String token = f.token()
                .claim("exp", String.valueOf(f.now().plusSeconds(300).getEpochSecond()))
                .signedWith(Fixture.RSA);
        assertRejected(validate(token), Reason.CLAIM_INVALID);
        assertControlCatches(policy, Control.CLAIM_TYPES, Reason.CLAIM_INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "null", "[1]", "{\"t\":1}", "\"soon\""})
    void rejectsTimeClaimsOfOtherTypes(String json) {
        for (String claim : new String[] {"exp", "nbf", "iat"}) {
            String token = f.token().claim(claim, RawJson.of(json)).signedWith(Fixture.RSA);
            assertRejected(Fixture.only(policy, Control.CLAIM_TYPES).validate(token), Reason.CLAIM_INVALID);
            assertThat(validate(token).valid()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e300",
                "9223372036854775807",
                "31556889864403199",
                "99999999999999999999999",
                "1.7976931348623157e308"
            })
    void extremeFutureNumericDatesNeverThrow(String json) {
        assertRejected(
                validate(f.token().claim("exp", RawJson.of(json)).signedWith(Fixture.RSA)),
                Reason.TOKEN_LIFETIME_TOO_LONG);
        assertRejected(
                validate(f.token().claim("nbf", RawJson.of(json)).signedWith(Fixture.RSA)), Reason.TOKEN_NOT_YET_VALID);
        assertRejected(
                validate(f.token().claim("iat", RawJson.of(json)).signedWith(Fixture.RSA)),
                Reason.TOKEN_ISSUED_IN_FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1e300", "-9223372036854775808", "-31557014167219200", "-1.7976931348623157e308"})
    void extremePastNumericDatesNeverThrow(String json) {
        assertRejected(
                validate(f.token().claim("exp", RawJson.of(json)).signedWith(Fixture.RSA)), Reason.TOKEN_EXPIRED);
        assertAccepted(validate(f.token().claim("nbf", RawJson.of(json)).signedWith(Fixture.RSA)));
        assertRejected(
                validate(f.token().claim("iat", RawJson.of(json)).signedWith(Fixture.RSA)),
                Reason.TOKEN_LIFETIME_TOO_LONG);
    }

    @Test
    void rejectsExpFarInTheFutureAsTooLong() {
        assertRejected(
                validate(f.token().claim("exp", RawJson.of("1e300")).signedWith(Fixture.RSA)),
                Reason.TOKEN_LIFETIME_TOO_LONG);
    }

    @Test
    void clockSkewIsCappedAtFiveMinutes() {
        assertThat(Fixture.resource().clockSkew(Duration.ofMinutes(5)).build().clockSkew())
                .hasMinutes(5);
        assertThatThrownBy(() -> Fixture.resource()
                        .clockSkew(Duration.ofMinutes(5).plusSeconds(1))
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(
                        e -> assertThat(((ConfigurationException) e).setting()).isEqualTo("resource.clock-skew"));
    }

    @Test
    void fiveMinuteSkewToleratesFiveMinutesOnly() {
        ResourcePolicy wide =
                Fixture.resource().clockSkew(Duration.ofMinutes(5)).build();
        ValidationPolicy p = f.policy(
                Fixture.issuer(dev.keyfence.testkit.JwkSet.of(Fixture.RSA)).build(), wide);
        String expired = f.token()
                .issuedAt(f.now().minusSeconds(3600))
                .expiresAt(f.now().minusSeconds(299))
                .signedWith(Fixture.RSA);
        assertAccepted(Fixture.validator(p).validate(expired));
        f.clock.advance(Duration.ofSeconds(2));
        assertRejected(Fixture.validator(p).validate(expired), Reason.TOKEN_EXPIRED);
    }
}
