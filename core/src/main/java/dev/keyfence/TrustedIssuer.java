package dev.keyfence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One issuer whose tokens may be accepted: its exact {@code iss} or {@code {tenantid}} template,
 * the only source its keys come from, the key scope of those keys, and its allowed tenants.
 */
public final class TrustedIssuer {
    /** The placeholder for the tenant in issuer templates and per-tenant key URLs. */
    public static final String TENANT_PLACEHOLDER = "{tenantid}";

    private final String name;
    private final String issuer;
    private final KeySource keySource;
    private final String keyScope;
    private final Set<String> tenants;
    private final boolean requireKeyIssuer;
    private final Optional<List<String>> algorithms;
    private final Optional<Pattern> tenantPattern;
    /** Before {@code {tenantid}} in a template; null for an exact issuer. */
    private final @Nullable String prefix;

    private final String suffix;

    private TrustedIssuer(Builder b, String at) {
        this.issuer = Settings.text(b.issuer, at + ".issuer");
        this.name = b.name == null ? issuer : b.name;
        if (b.keySource == null) {
            throw new ConfigurationException(at + ".jwks-uri", "required: one of jwks-uri, discovery-uri, jwks-file");
        }
        this.keySource = b.keySource;
        this.keyScope = Settings.text(b.keyScope, at + ".key-scope");
        this.requireKeyIssuer = b.requireKeyIssuer;
        this.algorithms = Optional.ofNullable(b.algorithms);
        if (b.algorithms != null) {
            if (b.algorithms.isEmpty()) {
                throw new ConfigurationException(at + ".algorithms", "must name at least one algorithm when given");
            }
            for (String alg : b.algorithms) {
                if (!Algorithms.isSupported(alg)) {
                    throw new ConfigurationException(at + ".algorithms", "unsupported algorithm '" + alg + "'");
                }
            }
        }
        this.tenantPattern = Optional.ofNullable(b.tenantPattern);
        int idx = issuer.indexOf(TENANT_PLACEHOLDER);
        if (idx >= 0) {
            if (issuer.indexOf(TENANT_PLACEHOLDER, idx + 1) >= 0) {
                throw new ConfigurationException(at + ".issuer", "may hold {tenantid} once");
            }
            if (b.tenants == null || b.tenants.isEmpty()) {
                throw new ConfigurationException(
                        at + ".tenants",
                        "required with a {tenantid} issuer: list the allowed tenants, or [\"*\"] to allow any");
            }
            if (b.tenants.contains("*") && b.tenants.size() > 1) {
                throw new ConfigurationException(at + ".tenants", "\"*\" cannot be combined with named tenants");
            }
            this.prefix = issuer.substring(0, idx);
            this.suffix = issuer.substring(idx + TENANT_PLACEHOLDER.length());
            this.tenants = b.tenants;
            if (tenantPattern.isPresent()) {
                for (String t : tenants) {
                    if (!"*".equals(t) && !tenantPattern.get().matcher(t).matches()) {
                        throw new ConfigurationException(at + ".tenants", "'" + t + "' does not match tenant-pattern");
                    }
                }
            }
        } else {
            if (b.tenants != null) {
                throw new ConfigurationException(at + ".tenants", "only for an issuer with {tenantid}");
            }
            if (keySource instanceof KeySource.JwksUri u && u.perTenant()) {
                throw new ConfigurationException(at + ".jwks-uri", "{tenantid} only with a {tenantid} issuer");
            }
            this.prefix = null;
            this.suffix = "";
            this.tenants = Set.of();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Label for logs and reports. */
    public String name() {
        return name;
    }
    /** The exact issuer, or the template holding {@code {tenantid}}. */
    public String issuer() {
        return issuer;
    }
    /** Where this issuer's keys come from. */
    public KeySource keySource() {
        return keySource;
    }
    /** The scope every key from this issuer's source carries. */
    public String keyScope() {
        return keyScope;
    }
    /** Allowed tenants for a template issuer ({@code ["*"]} allows any); empty for an exact issuer. */
    public Set<String> tenants() {
        return tenants;
    }
    /** True when every key must carry an {@code issuer} member that matches. */
    public boolean requireKeyIssuer() {
        return requireKeyIssuer;
    }
    /** Algorithms this issuer may use; narrows the resource's list, and is the only way to enable HS*. */
    public Optional<List<String>> algorithms() {
        return algorithms;
    }
    /** A pattern every tenant id must match, e.g. a GUID. */
    public Optional<Pattern> tenantPattern() {
        return tenantPattern;
    }
    /** True for a {@code {tenantid}} template. */
    public boolean isTemplate() {
        return prefix != null;
    }
    /** True when any tenant is allowed ({@code ["*"]}). */
    public boolean allowsAnyTenant() {
        return tenants.contains("*");
    }

    /**
     * The tenant that {@code iss} names under this template, or empty when {@code iss} does not
     * fit it (a tenant is one non-empty path segment, without {@code /}).
     */
    public Optional<String> tenantOf(String iss) {
        if (prefix == null
                || iss.length() <= prefix.length() + suffix.length()
                || !iss.startsWith(prefix)
                || !iss.endsWith(suffix)) {
            return Optional.empty();
        }
        String tenant = iss.substring(prefix.length(), iss.length() - suffix.length());
        if (tenant.isEmpty() || tenant.indexOf('/') >= 0 || tenant.indexOf('{') >= 0) {
            return Optional.empty();
        }
        return Optional.of(tenant);
    }

    /** True when the tenant is allowed, by list (or {@code *}) and by pattern. */
    public boolean allowsTenant(String tenant) {
        if (tenantPattern.isPresent() && !tenantPattern.get().matcher(tenant).matches()) {
            return false;
        }
        return allowsAnyTenant() || tenants.contains(tenant);
    }

    @Override
    public String toString() {
        return "TrustedIssuer[" + name + ", " + issuer + ", scope=" + keyScope + ", keys=" + keySource.describe() + "]";
    }

    /** Builder; {@link #build()} checks the combination. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable String issuer;
        private @Nullable KeySource keySource;
        private @Nullable String keyScope;
        private @Nullable Set<String> tenants;
        private boolean requireKeyIssuer;
        private @Nullable List<String> algorithms;
        private @Nullable Pattern tenantPattern;

        private Builder() {}

        public Builder name(String name) {
            this.name = Settings.once(this.name, name, "issuers[].name");
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = Settings.once(this.issuer, issuer, "issuers[].issuer");
            return this;
        }

        public Builder keySource(KeySource source) {
            this.keySource = Settings.once(this.keySource, source, "issuers[].jwks-uri");
            return this;
        }

        public Builder keyScope(String scope) {
            this.keyScope = Settings.once(this.keyScope, scope, "issuers[].key-scope");
            return this;
        }

        public Builder tenants(Collection<String> tenants) {
            this.tenants =
                    Settings.once(this.tenants, Settings.names(tenants, "issuers[].tenants"), "issuers[].tenants");
            return this;
        }

        public Builder tenants(String... tenants) {
            return tenants(List.of(tenants));
        }

        public Builder requireKeyIssuer(boolean require) {
            this.requireKeyIssuer = require;
            return this;
        }

        public Builder algorithms(Collection<String> algorithms) {
            this.algorithms = Settings.once(
                    this.algorithms, Settings.list(algorithms, "issuers[].algorithms"), "issuers[].algorithms");
            return this;
        }

        public Builder algorithms(String... algorithms) {
            return algorithms(List.of(algorithms));
        }

        public Builder tenantPattern(String regex) {
            try {
                this.tenantPattern =
                        Settings.once(this.tenantPattern, Pattern.compile(regex), "issuers[].tenant-pattern");
            } catch (PatternSyntaxException e) {
                throw new ConfigurationException(
                        "issuers[].tenant-pattern", "not a regular expression: " + e.getDescription(), e);
            }
            return this;
        }

        /** Builds the issuer; fails with {@link ConfigurationException} naming the first bad setting. */
        public TrustedIssuer build() {
            return new TrustedIssuer(this, "issuers[" + (name == null ? issuer : name) + "]");
        }
    }
}
