package dev.keyfence;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A token whose signature, key and claims passed every check. Immutable.
 *
 * <p>{@link #toString()} names the token by fingerprint only; claim values are reachable
 * through {@link #claims()} for the application, never printed by Keyfence.
 */
public final class VerifiedToken {
    private final String issuer;
    private final Optional<String> subject;
    private final List<String> audience;
    private final Optional<String> tenant;
    private final Optional<String> kid;
    private final String algorithm;
    private final Optional<String> type;
    private final String keyScope;
    private final java.util.Set<String> keyScopes;
    private final String issuerName;
    private final Instant expiresAt;
    private final Map<String, Object> claims;
    private final Supplier<String> fingerprintSource;
    private volatile @Nullable String fingerprint;

    static {
        dev.keyfence.internal.VerifiedTokens.register(VerifiedToken::new);
    }

    /** Only the validator creates verified tokens (through {@code internal.VerifiedTokens}). */
    private VerifiedToken(dev.keyfence.internal.VerifiedTokens.Facts facts) {
        this.keyScopes = sortedScopes(
                Objects.requireNonNull(facts.keyScopes(), "keyScopes"),
                Objects.requireNonNull(facts.keyScope(), "keyScope"));
        this.issuer = Objects.requireNonNull(facts.issuer(), "issuer");
        this.subject = Objects.requireNonNull(facts.subject(), "subject");
        this.audience = List.copyOf(facts.audience());
        this.tenant = Objects.requireNonNull(facts.tenant(), "tenant");
        this.kid = Objects.requireNonNull(facts.kid(), "kid");
        this.algorithm = Objects.requireNonNull(facts.algorithm(), "algorithm");
        this.type = Objects.requireNonNull(facts.type(), "type");
        this.keyScope = facts.keyScope();
        this.issuerName = Objects.requireNonNull(facts.issuerName(), "issuerName");
        this.expiresAt = Objects.requireNonNull(facts.expiresAt(), "expiresAt");
        this.claims = Collections.unmodifiableMap(Objects.requireNonNull(facts.claims(), "claims"));
        this.fingerprintSource = Objects.requireNonNull(facts.fingerprint(), "fingerprint");
    }

    /** {@code known} and {@code own}, sorted and unmodifiable; no copy in the common case of one scope. */
    private static java.util.Set<String> sortedScopes(java.util.Set<String> known, String own) {
        if (known.size() == 1 && known.contains(own)) {
            return java.util.Set.of(own);
        }
        java.util.Set<String> scopes = new java.util.TreeSet<>(known);
        scopes.add(own);
        return java.util.Collections.unmodifiableSet(scopes);
    }

    /** The {@code iss} claim, exactly as in the token. */
    public String issuer() {
        return issuer;
    }
    /** The {@code sub} claim, when present. */
    public Optional<String> subject() {
        return subject;
    }
    /** The {@code aud} claim as a list (a single string becomes a one-element list). */
    public List<String> audience() {
        return audience;
    }
    /** The tenant ({@code tid}) for tokens of a {@code {tenantid}} issuer; always empty for an exact issuer. */
    public Optional<String> tenant() {
        return tenant;
    }
    /** The {@code kid} header, when present. */
    public Optional<String> kid() {
        return kid;
    }
    /** The {@code alg} header: the algorithm the signature was verified with. */
    public String algorithm() {
        return algorithm;
    }
    /** The {@code typ} header, when present. */
    public Optional<String> type() {
        return type;
    }
    /** The key scope of the key that verified the signature: the scope of the issuer whose source it was found in. */
    public String keyScope() {
        return keyScope;
    }
    /**
     * Every key scope known for the key that verified the signature (sorted, never empty): the
     * scopes of every source that published its key material, all of them accepted by the resource.
     */
    public java.util.Set<String> keyScopes() {
        return keyScopes;
    }
    /** The configured name of the trusted issuer that matched. */
    public String issuerName() {
        return issuerName;
    }
    /** The {@code exp} claim. */
    public Instant expiresAt() {
        return expiresAt;
    }
    /**
     * All claims, unmodifiable. JSON objects are {@code Map<String,Object>}, arrays {@code List<Object>},
     * numbers {@code Long} or {@code Double}, JSON null is absent from maps.
     */
    public Map<String, Object> claims() {
        return claims;
    }
    /**
     * The claim {@code name} read as a NumericDate (seconds since the epoch, fractions kept),
     * when it is a JSON number; values beyond what {@link Instant} holds are clamped a year short
     * of its limits. Empty when the claim is absent or not a number.
     */
    public Optional<Instant> timeClaim(String name) {
        return Optional.ofNullable(
                dev.keyfence.internal.token.NumericDate.of(claims.get(Objects.requireNonNull(name, "name"))));
    }

    /** First 12 hex digits of the SHA-256 of the token string. */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Objects.requireNonNull(fingerprintSource.get(), "fingerprint");
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + fingerprint() + ", iss=" + issuer
                + tenant.map(t -> ", tid=" + t).orElse("")
                + kid.map(k -> ", kid=" + k).orElse("") + ", scope=" + keyScope + "]";
    }
}
