package dev.keyfence.internal.drill;

import dev.keyfence.TrustedIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shadow keys of one issuer: a current key, an expired one (or, when the real keys carry no
 * window, a legacy key whose expiry nobody declared), and for the issuer the drill attacks through,
 * a retired, a revoked and an over-age key.
 *
 * @param expiredKnown true when the expired key's window is known to the shadow (a JWK {@code exp}
 *                     or a declared window); false for a legacy key without any window
 */
record IssuerKeys(
        TrustedIssuer issuer,
        KeyShape shape,
        ShadowKey current,
        ShadowKey expired,
        boolean expiredKnown,
        Optional<ShadowKey> retired,
        Optional<ShadowKey> revoked,
        Optional<ShadowKey> tooOld) {

    /** Every key this issuer's shadow source publishes now (the retired key no longer). */
    List<ShadowKey> published() {
        List<ShadowKey> all = new ArrayList<>(List.of(current, expired));
        revoked.ifPresent(all::add);
        tooOld.ifPresent(all::add);
        return all;
    }
}
