package dev.keyfence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one protected resource accepts: audiences, key scopes, algorithms, token types, required
 * claims and time tolerances. Immutable; several resources can share one validator's key caches
 * through {@link TokenValidator#forResource(ResourcePolicy)}.
 */
public final class ResourcePolicy {
    /** The largest clock skew a policy may allow. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final String name;
    private final Set<String> audiences;
    private final Set<String> acceptedKeyScopes;
    private final List<String> algorithms;
    private final Set<String> tokenTypes;
    private final Set<String> requiredClaims;
    private final Duration clockSkew;
    private final Duration maxTokenLifetime;

    private ResourcePolicy(Builder b) {
        this.name = b.name == null ? "default" : b.name;
        if (b.audiences == null || b.audiences.isEmpty()) {
            throw new ConfigurationException("resource.audiences", "required: name at least one audience");
        }
        if (b.acceptedKeyScopes == null || b.acceptedKeyScopes.isEmpty()) {
            throw new ConfigurationException("resource.accepted-key-scopes", "required: name at least one key scope");
        }
        this.audiences = b.audiences;
        this.acceptedKeyScopes = b.acceptedKeyScopes;
        this.algorithms = b.algorithms == null ? Algorithms.DEFAULT : b.algorithms;
        if (algorithms.isEmpty()) {
            throw new ConfigurationException("resource.algorithms", "must name at least one algorithm");
        }
        for (String alg : algorithms) {
            if (Algorithms.SYMMETRIC.contains(alg)) {
                throw new ConfigurationException(
                        "resource.algorithms",
                        alg + " is symmetric: enable it for one issuer under issuers[].algorithms instead");
            }
            if (!Algorithms.ASYMMETRIC.contains(alg)) {
                throw new ConfigurationException("resource.algorithms", "unsupported algorithm '" + alg + "'");
            }
        }
        this.tokenTypes = b.tokenTypes == null ? Set.of("at+jwt", "jwt") : b.tokenTypes;
        if (tokenTypes.isEmpty()) {
            throw new ConfigurationException(
                    "resource.token-types", "must name at least one type (\"\" allows an absent typ)");
        }
        this.requiredClaims = b.requiredClaims == null ? Set.of() : b.requiredClaims;
        this.clockSkew = b.clockSkew == null ? Duration.ofSeconds(60) : b.clockSkew;
        if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new ConfigurationException("resource.clock-skew", "at most PT5M, was " + clockSkew);
        }
        this.maxTokenLifetime = b.maxTokenLifetime == null ? Duration.ofHours(24) : b.maxTokenLifetime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Label for logs, metrics and reports; {@code default} unless set. */
    public String name() {
        return name;
    }
    /** Audiences of which {@code aud} must name at least one. */
    public Set<String> audiences() {
        return audiences;
    }
    /** Key scopes whose keys may vouch for this resource. */
    public Set<String> acceptedKeyScopes() {
        return acceptedKeyScopes;
    }
    /** Accepted asymmetric algorithms, in order. */
    public List<String> algorithms() {
        return algorithms;
    }
    /**
     * Accepted {@code typ} values, lower-cased, without an {@code application/} prefix; the empty
     * string allows a token without {@code typ}.
     */
    public Set<String> tokenTypes() {
        return tokenTypes;
    }
    /** Claims that must be present. */
    public Set<String> requiredClaims() {
        return requiredClaims;
    }
    /** Tolerance for time claims, at most {@link #MAX_CLOCK_SKEW}. */
    public Duration clockSkew() {
        return clockSkew;
    }
    /** Longest accepted {@code exp - iat}. */
    public Duration maxTokenLifetime() {
        return maxTokenLifetime;
    }

    /** Normalises a {@code typ} value the way {@link #tokenTypes()} stores them (RFC 7515 section 4.1.9). */
    public static String normalizeType(String typ) {
        String t = typ.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/") ? t.substring("application/".length()) : t;
    }

    /** A builder pre-filled with this policy's settings, for deriving a similar resource. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.audiences = audiences;
        b.acceptedKeyScopes = acceptedKeyScopes;
        b.algorithms = algorithms;
        b.tokenTypes = tokenTypes;
        b.requiredClaims = requiredClaims;
        b.clockSkew = clockSkew;
        b.maxTokenLifetime = maxTokenLifetime;
        b.derived = true;
        return b;
    }

    /** Builder; each setting may be given once, and once more on a builder from {@link #toBuilder()}. */
    public static final class Builder {
        /** True for a builder from {@link ResourcePolicy#toBuilder()}: its copied settings may be replaced. */
        private boolean derived;

        private @Nullable String name;
        private @Nullable Set<String> audiences;
        private @Nullable Set<String> acceptedKeyScopes;
        private @Nullable List<String> algorithms;
        private @Nullable Set<String> tokenTypes;
        private @Nullable Set<String> requiredClaims;
        private @Nullable Duration clockSkew;
        private @Nullable Duration maxTokenLifetime;

        private Builder() {}

        private <T> T once(@Nullable T current, @Nullable T value, String setting) {
            return Settings.once(derived ? null : current, value, setting);
        }

        public Builder name(String name) {
            this.name = once(this.name, Settings.text(name, "resource.name"), "resource.name");
            return this;
        }

        public Builder audiences(Collection<String> audiences) {
            this.audiences =
                    once(this.audiences, Settings.names(audiences, "resource.audiences"), "resource.audiences");
            return this;
        }

        public Builder audiences(String... audiences) {
            return audiences(List.of(audiences));
        }

        public Builder acceptedKeyScopes(Collection<String> scopes) {
            this.acceptedKeyScopes = once(
                    this.acceptedKeyScopes,
                    Settings.names(scopes, "resource.accepted-key-scopes"),
                    "resource.accepted-key-scopes");
            return this;
        }

        public Builder acceptedKeyScopes(String... scopes) {
            return acceptedKeyScopes(List.of(scopes));
        }

        public Builder algorithms(Collection<String> algorithms) {
            this.algorithms =
                    once(this.algorithms, Settings.list(algorithms, "resource.algorithms"), "resource.algorithms");
            return this;
        }

        public Builder algorithms(String... algorithms) {
            return algorithms(List.of(algorithms));
        }

        public Builder tokenTypes(Collection<String> types) {
            Set<String> normalized = new java.util.LinkedHashSet<>();
            for (String t : Settings.names(types, "resource.token-types")) {
                normalized.add(normalizeType(t));
            }
            this.tokenTypes =
                    once(this.tokenTypes, java.util.Collections.unmodifiableSet(normalized), "resource.token-types");
            return this;
        }

        public Builder tokenTypes(String... types) {
            return tokenTypes(List.of(types));
        }

        public Builder requiredClaims(Collection<String> claims) {
            this.requiredClaims = once(
                    this.requiredClaims,
                    Settings.names(claims, "resource.required-claims"),
                    "resource.required-claims");
            return this;
        }

        public Builder requiredClaims(String... claims) {
            return requiredClaims(List.of(claims));
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew =
                    once(this.clockSkew, Settings.nonNegative(skew, "resource.clock-skew"), "resource.clock-skew");
            return this;
        }

        public Builder maxTokenLifetime(Duration lifetime) {
            this.maxTokenLifetime = once(
                    this.maxTokenLifetime,
                    Settings.positive(lifetime, "resource.max-token-lifetime"),
                    "resource.max-token-lifetime");
            return this;
        }

        /** Builds the policy; fails with {@link ConfigurationException} naming the first bad setting. */
        public ResourcePolicy build() {
            return new ResourcePolicy(this);
        }
    }
}
