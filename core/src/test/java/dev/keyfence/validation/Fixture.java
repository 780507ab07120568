package dev.keyfence.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Shared test setup: one trusted issuer with a static key set, one resource accepting every
 * asymmetric algorithm, a clock the tests move, and engines with all or some controls on.
 */
final class Fixture {
    static final String ISS = "https://login.example.test/contoso/v2.0";
    static final String AUD = "api://mail";
    static final String SCOPE = "enterprise";
    static final List<String> ALL_ALGS =
            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
    static final TestKey RSA = TestKey.rsa("rsa-1");

    final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");

    /** The resource every test starts from. */
    static ResourcePolicy.Builder resource() {
        // derived (toBuilder) so a test may replace any of these settings
        return ResourcePolicy.builder()
                .name("mail")
                .audiences(AUD)
                .acceptedKeyScopes(SCOPE)
                .algorithms(ALL_ALGS)
                .build()
                .toBuilder();
    }

    /** The trusted issuer every test starts from, with these keys. */
    static TrustedIssuer.Builder issuer(JwkSet keys) {
        return TrustedIssuer.builder()
                .name("contoso")
                .issuer(ISS)
                .keySource(KeySource.jwks(keys.toJson()))
                .keyScope(SCOPE);
    }

    ValidationPolicy policy(JwkSet keys) {
        return policy(issuer(keys).build(), resource().build());
    }

    ValidationPolicy policy(TrustedIssuer issuer, ResourcePolicy resource) {
        return ValidationPolicy.builder()
                .issuer(issuer)
                .resource(resource)
                .keys(KeyPolicy.builder().build())
                .clock(clock)
                .build();
    }

    ValidationPolicy policy(TestKey... keys) {
        return policy(JwkSet.of(keys));
    }

    static TokenValidator validator(ValidationPolicy policy) {
        return TokenValidator.create(policy);
    }

    /** A validator running only this control (and token shape). */
    static TokenValidator only(ValidationPolicy policy, Control control) {
        return TokenValidator.create(
                policy.toBuilder().controls(Set.of(control)).build());
    }

    /** A validator running every control except this one. */
    static TokenValidator allBut(ValidationPolicy policy, Control control) {
        return TokenValidator.create(policy.toBuilder()
                .controls(EnumSet.complementOf(EnumSet.of(control)))
                .build());
    }

    Instant now() {
        return clock.instant();
    }

    /** A well-formed access token for the resource, ready to sign. */
    TokenBuilder token() {
        return Tokens.accessToken(ISS, AUD, now());
    }

    static Reason reasonOf(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) v).reason();
    }

    static void assertRejected(Verdict v, Reason reason) {
        assertThat(v).as("verdict").isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) v).reason()).as("reason of %s", v).isEqualTo(reason);
    }

    static void assertAccepted(Verdict v) {
        assertThat(v).as("verdict").isInstanceOf(Verdict.Accepted.class);
    }

    /**
     * The control alone rejects the attack with its code, and with it switched off (all other
     * controls on) the attack is not rejected with that code: the control is what catches it.
     */
    static void assertControlCatches(ValidationPolicy policy, Control control, Reason reason, String attack) {
        assertRejected(only(policy, control).validate(attack), reason);
        Verdict without = allBut(policy, control).validate(attack);
        if (without instanceof Verdict.Rejected r) {
            assertThat(r.reason()).as("with %s off", control).isNotEqualTo(reason);
        }
    }
}
