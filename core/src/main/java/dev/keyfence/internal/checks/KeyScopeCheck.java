package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.keys.KeyKnowledge;
import dev.keyfence.internal.keys.KeySourceState;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * KEY_SCOPE_NOT_ACCEPTED: every scope the key material is known to belong to must be accepted
 * by the resource. A key published by sources of two scopes belongs to both, so a consumer key
 * served beside enterprise keys is still a consumer key, and a key left out of the consumer set
 * as unusable is a consumer key too.
 *
 * <p>Fails closed (KEYS_UNAVAILABLE) while that knowledge is missing: when a source teaching a
 * scope the resource refuses has no good key set (never read, or past {@code max-stale}), a key
 * is accepted only if it is already known to lie outside that scope (it was first seen before
 * that source's last good set, which did not hold it).
 */
public final class KeyScopeCheck implements Check {
    @Override
    public Control control() {
        return Control.KEY_SCOPE;
    }

    @Override
    public @Nullable Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        KeyKnowledge known = e.key().knowledge();
        TrustedIssuer issuer = e.key().issuer();
        if (key == null || known == null || issuer == null) { // all three or none are resolved
            return null;
        }
        String own = issuer.keyScope();
        Set<String> published = known.scopes();
        boolean common = e.resource().acceptedKeyScopes().contains(own)
                && (published.isEmpty() || published.size() == 1 && published.contains(own));
        if (!common) {
            Set<String> scopes = scopes(known, issuer);
            Set<String> refused = new TreeSet<>(scopes);
            refused.removeAll(e.resource().acceptedKeyScopes());
            if (!refused.isEmpty()) {
                return new Rejection(
                        Reason.KEY_SCOPE_NOT_ACCEPTED,
                        "key " + Safe.text(key.label()) + " belongs to key scope "
                                + String.join(", ", refused)
                                + (scopes.size() > 1 ? " (it is published under scopes " + scopes + ")" : "")
                                + ", which resource " + e.resource().name() + " does not accept");
            }
        }
        for (KeySourceState teacher : e.registry().sourcesTeachingRefusedScopes(e.resource())) {
            if (teacher.hasGoodSet()) {
                continue;
            }
            Instant lastGood = e.registry().known().lastGoodRead(teacher.label());
            if (lastGood != null && !lastGood.isBefore(known.firstSeen())) {
                continue; // its last good set was read after this key was first seen, and did not hold it
            }
            return new Rejection(
                    Reason.KEYS_UNAVAILABLE,
                    "key " + Safe.text(key.label()) + " cannot be told apart from "
                            + teacher.issuer().keyScope() + " keys: key source " + teacher.label()
                            + (lastGood == null
                                    ? " has never been read"
                                    : " has no key set newer than jwks.max-stale allows")
                            + (teacher.lastProblem() == null ? "" : " (" + teacher.lastProblem() + ")")
                            + ", and resource " + e.resource().name() + " refuses key scope "
                            + teacher.issuer().keyScope());
        }
        return null;
    }

    /** Every scope the resolved key is known to belong to, its own issuer's scope included. */
    private static Set<String> scopes(KeyKnowledge known, TrustedIssuer issuer) {
        Set<String> scopes = new TreeSet<>(known.scopes());
        scopes.add(issuer.keyScope());
        return scopes;
    }

    private static Set<String> scopes(Evaluation e) {
        KeyKnowledge known = e.key().knowledge();
        TrustedIssuer issuer = e.key().issuer();
        return e.key().key() == null || known == null || issuer == null ? new TreeSet<>() : scopes(known, issuer);
    }

    /** The first scope of the key that the resource refuses, for the verdict's keyScope. */
    public static @Nullable String refusedScope(Evaluation e) {
        if (e.key().key() == null) {
            return null;
        }
        Set<String> scopes = scopes(e);
        scopes.removeAll(e.resource().acceptedKeyScopes());
        return scopes.isEmpty() ? null : scopes.iterator().next();
    }

    /** Every scope the resolved key is known to belong to (empty when no key was resolved). */
    public static Set<String> knownScopes(Evaluation e) {
        KeyKnowledge known = e.key().knowledge();
        TrustedIssuer issuer = e.key().issuer();
        if (e.key().key() == null || known == null || issuer == null) { // all three or none are resolved
            return Set.of();
        }
        Set<String> published = known.scopes();
        String own = issuer.keyScope();
        if (published.isEmpty() || published.size() == 1 && published.contains(own)) {
            return Set.of(own); // the common case: no sorted copy per token
        }
        return scopes(e);
    }
}
