package dev.keyfence;

import dev.keyfence.config.ConfigDocument;
import dev.keyfence.config.SettingsRegistry;
import dev.keyfence.internal.config.ConfigTree;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.LedgerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML configuration of the contract, read into a {@link ValidationPolicy} and optional named
 * resource profiles. Unknown and missing required keys are errors naming the setting; nothing is
 * built from a bad file.
 *
 * <pre>{@code
 * KeyfenceConfig config = KeyfenceConfig.load(Path.of("keyfence.yaml"));
 * TokenValidator validator = TokenValidator.create(config);   // carries the resources: path profiles
 * }</pre>
 */
public final class KeyfenceConfig {
    private static final Set<String> TOP = SettingsRegistry.keysIn("");
    private static final Set<String> ISSUER = SettingsRegistry.keysIn("issuers[]");
    private static final Set<String> RESOURCE = SettingsRegistry.keysIn("resource");
    private static final Set<String> PROFILE = SettingsRegistry.keysIn(SettingsRegistry.PROFILE);
    private static final Set<String> KEYS = SettingsRegistry.keysIn("keys");
    private static final Set<String> WINDOW = SettingsRegistry.keysIn("keys.windows[]");
    private static final Set<String> JWKS = SettingsRegistry.keysIn("jwks");
    private static final Set<String> LEDGER = SettingsRegistry.keysIn("ledger");

    private final ValidationPolicy policy;
    private final List<NamedResource> resources;
    private final Optional<LedgerSettings> ledger;

    private KeyfenceConfig(ValidationPolicy policy, List<NamedResource> resources, Optional<LedgerSettings> ledger) {
        this.policy = policy;
        this.resources = List.copyOf(resources);
        this.ledger = ledger;
    }

    /** Reads a YAML file; relative {@code jwks-file} paths resolve against the file's folder. */
    public static KeyfenceConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        return fromTree(ConfigDocument.read(file), ConfigDocument.baseDir(file));
    }

    /** Reads YAML text; relative {@code jwks-file} paths resolve against {@code baseDir}. */
    public static KeyfenceConfig parse(String yaml, Path baseDir) {
        return fromTree(ConfigDocument.parse(yaml), baseDir);
    }

    /**
     * Reads an already-parsed tree of maps, lists and scalars with the same names as the YAML
     * file (the Spring adapter binds {@code keyfence.*} properties into such a tree).
     */
    public static KeyfenceConfig fromTree(Object tree, Path baseDir) {
        return fromTree(tree, baseDir, System.getenv());
    }

    /**
     * Like {@link #fromTree(Object, Path)}, with {@code ledger.password-env} looked up in
     * {@code environment} instead of the process environment.
     */
    public static KeyfenceConfig fromTree(Object tree, Path baseDir, Map<String, String> environment) {
        ConfigTree root = ConfigTree.root(tree).allowOnly(TOP);
        ValidationPolicy.Builder b = ValidationPolicy.builder();
        List<ConfigTree> issuers = root.trees("issuers");
        for (int index = 0; index < issuers.size(); index++) {
            b.issuer(issuer(issuers.get(index).allowOnly(ISSUER), baseDir, index));
        }
        if (issuers.isEmpty()) {
            throw new ConfigurationException("issuers", "required: at least one trusted issuer");
        }
        ConfigTree resourceTree = root.tree("resource").allowOnly(RESOURCE);
        ResourcePolicy resource = resource(resourceTree, ResourcePolicy.builder());
        b.resource(resource);
        root.optionalTree("keys").ifPresent(k -> b.keys(keys(k.allowOnly(KEYS))));
        root.optionalTree("jwks").ifPresent(j -> b.jwks(jwks(j.allowOnly(JWKS))));
        root.optionalInt("max-token-bytes").ifPresent(b::maxTokenBytes);
        root.optionalInt("verified-token-cache").ifPresent(b::verifiedTokenCache);
        root.optionalInt("audit-lines-per-second").ifPresent(b::auditLinesPerSecond);
        Optional<LedgerSettings> ledger = root.optionalTree("ledger").map(l -> ledger(l, baseDir));
        ValidationPolicy policy = b.build();
        List<NamedResource> named = new ArrayList<>();
        if (root.has("resources")) {
            ConfigTree all = root.tree("resources");
            for (Object name : all.keys()) {
                ConfigTree one = all.tree(String.valueOf(name));
                one.allowOnly(PROFILE);
                List<String> paths = one.optionalStrings("paths").orElse(List.of());
                ResourcePolicy.Builder derived = resource.toBuilder().name(String.valueOf(name));
                ResourcePolicy rp = resource(one, derived);
                for (String scope : rp.acceptedKeyScopes()) {
                    if (policy.issuers().stream().noneMatch(i -> i.keyScope().equals(scope))) {
                        throw new ConfigurationException(
                                one.path("accepted-key-scopes"), "no issuer carries key scope '" + scope + "'");
                    }
                }
                try {
                    named.add(new NamedResource(String.valueOf(name), paths, rp));
                } catch (ConfigurationException e) {
                    throw e.at(one.path(e.setting()));
                }
            }
        }
        if (ledger.isPresent()) {
            policy = policy.toBuilder()
                    .ledger(KeyLedgers.open(ledger.get(), environment))
                    .build();
        }
        return new KeyfenceConfig(policy, named, ledger);
    }

    /** The policy, with the {@code resource:} section as its default resource. */
    public ValidationPolicy policy() {
        return policy;
    }

    /** The {@code ledger:} section, when the file has one; {@link #policy()} then carries the opened ledger. */
    public Optional<LedgerSettings> ledgerSettings() {
        return ledger;
    }

    /** The named resource profiles of the {@code resources:} section, in file order. */
    public List<NamedResource> resources() {
        return resources;
    }

    private static TrustedIssuer issuer(ConfigTree t, Path baseDir, int index) {
        TrustedIssuer.Builder b = TrustedIssuer.builder();
        t.optionalString("name").ifPresent(b::name);
        b.issuer(t.string("issuer"));
        int sources = (t.has("jwks-uri") ? 1 : 0) + (t.has("discovery-uri") ? 1 : 0) + (t.has("jwks-file") ? 1 : 0);
        if (sources != 1) {
            throw new ConfigurationException(
                    t.path("jwks-uri"), "give exactly one of jwks-uri, discovery-uri, jwks-file");
        }
        if (t.has("jwks-uri")) {
            b.keySource(KeySource.jwksUri(t.string("jwks-uri")));
        } else if (t.has("discovery-uri")) {
            try {
                b.keySource(KeySource.discovery(URI.create(t.string("discovery-uri"))));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(t.path("discovery-uri"), "not a URL");
            }
        } else {
            b.keySource(KeySource.file(baseDir.resolve(t.string("jwks-file"))));
        }
        b.keyScope(t.string("key-scope"));
        t.optionalStrings("tenants").ifPresent(b::tenants);
        t.optionalBoolean("require-key-issuer").ifPresent(b::requireKeyIssuer);
        t.optionalStrings("algorithms").ifPresent(b::algorithms);
        t.optionalString("tenant-pattern").ifPresent(b::tenantPattern);
        try {
            return b.build();
        } catch (ConfigurationException e) {
            throw renamed(e, t, index);
        }
    }

    /**
     * Reports the issuer builder's error (named {@code issuers[<name>].<key>} or
     * {@code issuers[].<key>}) under its path in the file, marked with the issuer's position: the
     * key is the error's last name segment, so the issuer's own name is never compared.
     */
    private static ConfigurationException renamed(ConfigurationException e, ConfigTree t, int index) {
        String setting = e.setting();
        String key = setting.substring(setting.lastIndexOf('.') + 1);
        if (setting.startsWith("issuers[") && ISSUER.contains(key)) {
            return e.at(t.path(key)).ofIssuer(index, key);
        }
        return e;
    }

    private static ResourcePolicy resource(ConfigTree t, ResourcePolicy.Builder b) {
        t.optionalString("name").ifPresent(b::name);
        t.optionalStrings("audiences").ifPresent(b::audiences);
        t.optionalStrings("accepted-key-scopes").ifPresent(b::acceptedKeyScopes);
        t.optionalStrings("algorithms").ifPresent(b::algorithms);
        t.optionalStrings("token-types").ifPresent(b::tokenTypes);
        t.optionalStrings("required-claims").ifPresent(b::requiredClaims);
        t.optionalDuration("clock-skew").ifPresent(b::clockSkew);
        t.optionalDuration("max-token-lifetime").ifPresent(b::maxTokenLifetime);
        try {
            return b.build();
        } catch (ConfigurationException e) {
            throw SettingsRegistry.file(e.setting())
                    .filter(s -> s.section().equals("resource"))
                    .map(s -> e.at(t.path(s.key())))
                    .orElse(e);
        }
    }

    private static KeyPolicy keys(ConfigTree t) {
        KeyPolicy.Builder b = KeyPolicy.builder();
        t.optionalDuration("max-age").ifPresent(b::maxAge);
        t.optionalDuration("retired-grace").ifPresent(b::retiredGrace);
        t.optionalInt("min-rsa-bits").ifPresent(b::minRsaBits);
        t.optionalStrings("allowed-curves").ifPresent(b::allowedCurves);
        t.optionalStrings("revoked").ifPresent(list -> {
            for (String ref : list) {
                b.revoke(KeyReference.parse(ref, t.path("revoked")));
            }
        });
        if (t.has("windows")) {
            for (ConfigTree w : t.trees("windows")) {
                w.allowOnly(WINDOW);
                if (w.has("kid") == w.has("jkt")) {
                    throw new ConfigurationException(w.path("kid"), "give exactly one of kid or jkt");
                }
                KeyReference ref =
                        w.has("kid") ? KeyReference.kid(w.string("kid")) : KeyReference.thumbprint(w.string("jkt"));
                Optional<java.time.Instant> notBefore = w.optionalInstant("not-before");
                Optional<java.time.Instant> notAfter = w.optionalInstant("not-after");
                try {
                    b.window(new DeclaredWindow(ref, notBefore, notAfter));
                } catch (ConfigurationException e) {
                    throw e.at(w.path("not-before"));
                }
            }
        }
        return b.build();
    }

    private static LedgerSettings ledger(ConfigTree t, Path baseDir) {
        if (t.has("password")) {
            throw new ConfigurationException(
                    t.path("password"),
                    "a password never goes in the file: name the environment variable that holds it with password-env");
        }
        t.allowOnly(LEDGER);
        boolean directory = t.has("directory");
        boolean jdbc = t.has("jdbc-url");
        if (directory && jdbc) {
            throw new ConfigurationException(
                    t.path("jdbc-url"),
                    "give either directory (embedded ledger) or jdbc-url (database ledger), not both");
        }
        if (!directory && !jdbc) {
            throw new ConfigurationException(
                    t.path("directory"), "required: directory (embedded ledger) or jdbc-url (database ledger)");
        }
        if (directory) {
            for (String jdbcOnly : List.of("username", "password-env")) {
                if (t.has(jdbcOnly)) {
                    throw new ConfigurationException(
                            t.path(jdbcOnly), "only with jdbc-url (the embedded ledger has no login)");
                }
            }
            return LedgerSettings.directory(baseDir.resolve(t.string("directory")));
        }
        String url = t.string("jdbc-url");
        if (!url.startsWith("jdbc:")) {
            throw new ConfigurationException(
                    t.path("jdbc-url"), "must be a JDBC URL (jdbc:postgresql://host:port/database)");
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        int slashes = lower.indexOf("//");
        int pathStart = slashes < 0 ? -1 : lower.indexOf('/', slashes + 2);
        String authority = slashes < 0 ? "" : lower.substring(slashes + 2, pathStart < 0 ? lower.length() : pathStart);
        if (lower.contains("password=") || authority.contains("@")) {
            throw new ConfigurationException(
                    t.path("jdbc-url"),
                    "carries credentials; a password never goes in the file: give username and password-env");
        }
        return LedgerSettings.jdbc(url, t.optionalString("username"), t.optionalString("password-env"));
    }

    private static JwksSettings jwks(ConfigTree t) {
        JwksSettings.Builder b = JwksSettings.builder();
        t.optionalDuration("refresh-interval").ifPresent(b::refreshInterval);
        t.optionalDuration("min-refetch-interval").ifPresent(b::minRefetchInterval);
        t.optionalDuration("max-stale").ifPresent(b::maxStale);
        t.optionalDuration("timeout").ifPresent(b::timeout);
        t.optionalInt("max-bytes").ifPresent(b::maxBytes);
        t.optionalBoolean("allow-http-loopback").ifPresent(b::allowHttpLoopback);
        t.optionalInt("tenant-sources-per-minute").ifPresent(b::tenantSourcesPerMinute);
        return b.build();
    }
}
