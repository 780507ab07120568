package dev.keyfence.test;

import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to mint: an access token of a {@link TestIdentityProvider}, by default for tenant
 * {@code tid-a} and audience {@code api://test}, subject {@code alice}, valid ten minutes from the
 * provider's clock, signed by the enterprise key. Each setter returns this builder; {@link #mint()}
 * signs a new token each time. Not thread-safe.
 */
public final class TestToken {
    private final TestIdentityProvider idp;
    private String tenant = TestIdentityProvider.DEFAULT_TENANT;
    private String audience = TestIdentityProvider.DEFAULT_AUDIENCE;
    private String subject = "alice";
    private boolean consumerIssuer;
    private SigningKey key = SigningKey.ENTERPRISE;
    private Duration lifetime = Tokens.DEFAULT_LIFETIME;
    private @Nullable Instant issuedAt;
    private final Map<String, Object> claims = new LinkedHashMap<>();

    TestToken(TestIdentityProvider idp) {
        this.idp = idp;
    }

    /** The enterprise tenant ({@code iss} and {@code tid}). */
    public TestToken tenant(String tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.consumerIssuer = false;
        return this;
    }

    /** A consumer token: the consumer issuer and tenant, signed by the consumer key. */
    public TestToken consumer() {
        this.tenant = TestIdentityProvider.CONSUMER_TENANT;
        this.consumerIssuer = true;
        this.key = SigningKey.CONSUMER;
        return this;
    }

    /** The {@code aud}. */
    public TestToken audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
        return this;
    }

    /** The {@code sub}. */
    public TestToken subject(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /** The {@code scp} claim, space-separated (Spring makes {@code SCOPE_x} authorities of it). */
    public TestToken scope(String... scopes) {
        claims.put("scp", String.join(" ", scopes));
        return this;
    }

    /** Any other claim (a string, number, boolean, list or map). */
    public TestToken claim(String name, Object value) {
        claims.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The key that signs. */
    public TestToken signedWith(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /** Lifetime from {@code iat} to {@code exp}. */
    public TestToken lifetime(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /** The {@code iat} (default: the provider's clock now); {@code exp} follows by the lifetime. */
    public TestToken issuedAt(Instant issuedAt) {
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        return this;
    }

    /** A newly signed compact JWS. */
    public String mint() {
        Instant iat = issuedAt != null ? issuedAt : idp.clock().instant();
        String iss = consumerIssuer ? idp.consumerIssuer() : idp.issuer(tenant);
        TokenBuilder b = Tokens.accessToken(iss, audience, iat)
                .subject(subject)
                .tenant(tenant)
                .expiresIn(lifetime, iat);
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            b = b.claim(claim.getKey(), claim.getValue());
        }
        return b.signedWith(idp.key(key));
    }

    /** Describes the token to mint; never a token. */
    @Override
    public String toString() {
        return "TestToken[tenant=" + tenant + ", aud=" + audience + ", key=" + key + "]";
    }
}
