package dev.keyfence.internal.drill;

import dev.keyfence.Control;
import dev.keyfence.ResourcePolicy;
import java.util.Map;

/**
 * One minted attack and its legitimate counterpart (the same request done right, which must be
 * accepted: a drill that passes because everything is refused proves nothing).
 *
 * @param keyForgery true for the 2023 key forgeries (a consumer key signing for an enterprise tenant)
 * @param required   how many controls must catch it alone
 * @param remedies   the configuration change that adds each control which could catch it
 */
record Attack(
        String id,
        String title,
        ResourcePolicy resource,
        String token,
        String counterpart,
        String counterpartToken,
        boolean keyForgery,
        int required,
        Map<Control, String> remedies) {

    @Override
    public String toString() {
        return "Attack[" + id + " at " + resource.name() + "]"; // never the token
    }
}
