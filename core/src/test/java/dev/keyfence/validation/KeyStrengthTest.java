package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertControlCatches;
import static dev.keyfence.validation.Fixture.assertRejected;

import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.Reason;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KEY_TOO_WEAK: short RSA moduli, public exponent 1, ROCA moduli, short HMAC secrets, curves not allowed. */
class KeyStrengthTest {
    private final Fixture f = new Fixture();

    @Test
    void rejects1024BitRsaKey() {
        TestKey weak = TestKey.rsa("weak-1024", 1024);
        ValidationPolicy policy = f.policy(weak);
        String token = f.token().signedWith(weak);
        assertRejected(Fixture.validator(policy).validate(token), Reason.KEY_TOO_WEAK);
        assertControlCatches(policy, Control.KEY_STRENGTH, Reason.KEY_TOO_WEAK, token);
        assertAccepted(Fixture.allBut(policy, Control.KEY_STRENGTH).validate(token));
    }

    @Test
    void rejectsKeyUnderConfiguredMinimum() {
        ValidationPolicy strict = ValidationPolicy.builder()
                .issuer(Fixture.issuer(JwkSet.of(Fixture.RSA)).build())
                .resource(Fixture.resource().build())
                .keys(KeyPolicy.builder().minRsaBits(3072).build())
                .clock(f.clock)
                .build();
        assertRejected(Fixture.validator(strict).validate(f.token().signedWith(Fixture.RSA)), Reason.KEY_TOO_WEAK);
    }

    @Test
    void leavesOutRsaKeyWithPublicExponentOne() {
        // with e = 1, s^e mod n = s: anyone could "sign". The JDK refuses such a key when it is
        // read, so it is left out of the set, its neighbours stay usable, and its kid finds no key.
        TestKey e1 = TestKey.rsa("e-one");
        TestKey ec = TestKey.ec("ec-1", "P-256");
        ValidationPolicy policy = f.policy(JwkSet.of(e1.jwk().member("e", "AQ")).with(ec));
        assertRejected(Fixture.validator(policy).validate(f.token().signedWith(e1)), Reason.KEY_NOT_FOUND);
        assertAccepted(Fixture.validator(policy).validate(f.token().signedWith(ec)));
    }

    @Test
    void rejectsCurveNotAllowed() {
        TestKey p384 = TestKey.ec("ec-384", "P-384");
        ValidationPolicy p256Only = ValidationPolicy.builder()
                .issuer(Fixture.issuer(JwkSet.of(p384)).build())
                .resource(Fixture.resource().build())
                .keys(KeyPolicy.builder().allowedCurves(List.of("P-256")).build())
                .clock(f.clock)
                .build();
        String token = f.token().signedWith(p384);
        assertRejected(Fixture.validator(p256Only).validate(token), Reason.KEY_TOO_WEAK);
        assertControlCatches(p256Only, Control.KEY_STRENGTH, Reason.KEY_TOO_WEAK, token);
    }

    @Test
    void accepts2048BitRsaKey() {
        assertAccepted(
                Fixture.validator(f.policy(Fixture.RSA)).validate(f.token().signedWith(Fixture.RSA)));
    }
}
