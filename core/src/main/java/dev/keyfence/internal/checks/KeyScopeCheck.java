package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.internal.keys.TrackedKey;
import java.util.Set;
import java.util.TreeSet;

/**
 * KEY_SCOPE_NOT_ACCEPTED: every scope the key belongs to must be accepted by the resource. A key
 * published by sources of two scopes belongs to both, so a consumer key served beside enterprise
 * keys is still a consumer key.
 */
public final class KeyScopeCheck implements Check {
    @Override public Control control() { return Control.KEY_SCOPE; }

    @Override
    public Rejection apply(Evaluation e) {
        TrackedKey key = e.key().key();
        if (key == null) {
            return null;
        }
        Set<String> published = e.registry().scopesOf(key);
        String own = e.key().issuer().keyScope();
        if (e.resource().acceptedKeyScopes().contains(own)
                && (published.isEmpty() || published.size() == 1 && published.contains(own))) {
            return null; // the common case: one scope, accepted
        }
        Set<String> scopes = new TreeSet<>(published);
        scopes.add(own);
        Set<String> refused = new TreeSet<>(scopes);
        refused.removeAll(e.resource().acceptedKeyScopes());
        if (refused.isEmpty()) {
            return null;
        }
        return new Rejection(Reason.KEY_SCOPE_NOT_ACCEPTED, "key " + Safe.text(key.label()) + " belongs to key scope "
                + String.join(", ", refused) + (scopes.size() > 1 ? " (it is published under scopes " + scopes + ")" : "")
                + ", which resource " + e.resource().name() + " does not accept");
    }

    /** The first scope of the key that the resource refuses, for the verdict's keyScope. */
    public static String refusedScope(Evaluation e) {
        TrackedKey key = e.key().key();
        if (key == null) {
            return null;
        }
        Set<String> scopes = new TreeSet<>(e.registry().scopesOf(key));
        scopes.add(e.key().issuer().keyScope());
        scopes.removeAll(e.resource().acceptedKeyScopes());
        return scopes.isEmpty() ? null : scopes.iterator().next();
    }
}
