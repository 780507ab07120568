package dev.keyfence.spring;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authentication of a request whose bearer token Keyfence accepted: a
 * {@link JwtAuthenticationToken} (authorities from {@code scope}/{@code scp}, name from
 * {@code sub}) with typed access to the key scope, tenant and issuer name.
 */
public class KeyfenceAuthenticationToken extends JwtAuthenticationToken {
    private static final long serialVersionUID = 1L;

    /** An authenticated token for a Keyfence-verified JWT. */
    public KeyfenceAuthenticationToken(KeyfenceJwt jwt, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, jwt.getSubject());
    }

    /** The verified JWT. */
    public KeyfenceJwt jwt() {
        return (KeyfenceJwt) getToken();
    }

    /** The key scope of the key that signed the token. */
    public String keyScope() {
        return jwt().keyScope();
    }

    /** The tenant, for tokens of a {@code {tenantid}} issuer. */
    public Optional<String> tenant() {
        return jwt().tenant();
    }

    /** The configured name of the issuer that matched. */
    public String issuerName() {
        return jwt().issuerName();
    }

    /** The token's {@code iss}. */
    public String issuer() {
        return jwt().getClaimAsString("iss");
    }
}
