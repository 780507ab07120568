package dev.keyfence.jakarta;

import dev.keyfence.VerifiedToken;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller of a request whose bearer token Keyfence accepted, as returned by
 * {@code HttpServletRequest.getUserPrincipal()} behind a {@link KeyfenceFilter}. Immutable.
 *
 * <p>{@link #toString()} names the token by fingerprint, issuer, tenant and key scope only; the
 * subject is reachable through {@link #getName()} for the application, never printed by Keyfence.
 */
public final class KeyfencePrincipal implements Principal {
    private final VerifiedToken token;

    /** The principal of a verified token. */
    public KeyfencePrincipal(VerifiedToken token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The token's {@code sub}, or the empty string for a token without one. */
    @Override
    public String getName() {
        return token.subject().orElse("");
    }

    /** The token's {@code sub}, when present. */
    public Optional<String> subject() {
        return token.subject();
    }

    /** The token's {@code iss}. */
    public String issuer() {
        return token.issuer();
    }

    /** The tenant ({@code tid}) for tokens of a {@code {tenantid}} issuer. */
    public Optional<String> tenant() {
        return token.tenant();
    }

    /** The key scope of the key that signed the token (e.g. {@code enterprise}). */
    public String keyScope() {
        return token.keyScope();
    }

    /** Everything that was verified, claims included. */
    public VerifiedToken token() {
        return token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyfencePrincipal p
                && p.token.fingerprint().equals(token.fingerprint())
                && p.token.issuer().equals(token.issuer());
    }

    @Override
    public int hashCode() {
        return token.fingerprint().hashCode();
    }

    @Override
    public String toString() {
        return "KeyfencePrincipal[token " + token.fingerprint() + ", iss=" + token.issuer()
                + token.tenant().map(t -> ", tid=" + t).orElse("") + ", scope=" + token.keyScope() + "]";
    }
}
