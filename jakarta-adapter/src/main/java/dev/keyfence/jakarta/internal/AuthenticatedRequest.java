package dev.keyfence.jakarta.internal;

import dev.keyfence.jakarta.KeyfencePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/** A request whose caller is the {@link KeyfencePrincipal} of an accepted bearer token. */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final KeyfencePrincipal principal;
    private final String authType;

    public AuthenticatedRequest(HttpServletRequest request, KeyfencePrincipal principal, String authType) {
        super(request);
        this.principal = principal;
        this.authType = authType;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public @Nullable String getRemoteUser() {
        return principal.subject().orElse(null);
    }

    @Override
    public String getAuthType() {
        return authType;
    }
}
