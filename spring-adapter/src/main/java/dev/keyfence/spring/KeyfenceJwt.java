package dev.keyfence.spring;

import dev.keyfence.VerifiedToken;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A Spring {@link Jwt} that Keyfence accepted, with what Keyfence learned about it: the key scope
 * of the key that signed it, the tenant, and the configured issuer name.
 *
 * <pre>{@code
 * @GetMapping("/api/me")
 * Map<String, Object> me(@AuthenticationPrincipal KeyfenceJwt jwt) {
 *     return Map.of("sub", jwt.getSubject(), "keyScope", jwt.keyScope());
 * }
 * }</pre>
 */
public class KeyfenceJwt extends Jwt {
    private static final long serialVersionUID = 1L;
    private final String keyScope;
    private final String issuerName;
    private final @Nullable String tenant;
    private final String fingerprint;

    /** A Jwt for a verified token; headers and claims are those of the token. */
    public KeyfenceJwt(
            String tokenValue,
            @Nullable Instant issuedAt,
            Map<String, Object> headers,
            Map<String, Object> claims,
            VerifiedToken token) {
        super(tokenValue, issuedAt, token.expiresAt(), headers, claims);
        this.keyScope = token.keyScope();
        this.issuerName = token.issuerName();
        this.tenant = token.tenant().orElse(null);
        this.fingerprint = token.fingerprint();
    }

    /** The key scope of the key that verified the signature (e.g. {@code enterprise}). */
    public String keyScope() {
        return keyScope;
    }

    /** The configured name of the trusted issuer that matched. */
    public String issuerName() {
        return issuerName;
    }

    /** The tenant, for tokens of a {@code {tenantid}} issuer. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The first 12 hex digits of the token's SHA-256: how logs name this token. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyfenceJwt other
                && super.equals(other)
                && keyScope.equals(other.keyScope)
                && Objects.equals(tenant, other.tenant)
                && issuerName.equals(other.issuerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), keyScope, issuerName, tenant);
    }

    @Override
    public String toString() {
        return "KeyfenceJwt[" + fingerprint + ", issuer=" + issuerName + (tenant == null ? "" : ", tid=" + tenant)
                + ", scope=" + keyScope + "]";
    }
}
