package dev.keyfence.internal.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.net.http.HttpClient;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every key source of a policy, the key-scope index across them, and revocations. Shared by all
 * resources served by one validator, so keys are fetched once.
 */
public final class KeyRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRegistry.class);
    /** Most per-tenant sources kept at once. */
    public static final int MAX_TENANT_SOURCES = 10_000;
    private static final java.util.regex.Pattern SAFE_TENANT =
            java.util.regex.Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,128}");

    private final ValidationPolicy policy;
    private final HttpClient client;
    private final Executor refreshExecutor;
    private final Map<String, KeySourceState> fixed = new LinkedHashMap<>();
    private final Cache<String, KeySourceState> perTenant =
            Caffeine.newBuilder().maximumSize(MAX_TENANT_SOURCES).build();
    private final Map<KeyReference, String> runtimeRevocations = new ConcurrentHashMap<>();
    private final Set<String> unknownWindowWarned = ConcurrentHashMap.newKeySet();
    private volatile ScopeIndex scopeIndex = new ScopeIndex(List.of(), Map.of());

    public KeyRegistry(ValidationPolicy policy) {
        this(policy, RefreshExecutor.shared());
    }

    /**
     * A registry whose background refreshes run on {@code refreshExecutor} (tests pass a direct
     * or queued executor to run refreshes deterministically).
     */
    public KeyRegistry(ValidationPolicy policy, Executor refreshExecutor) {
        this.policy = policy;
        this.refreshExecutor = refreshExecutor;
        this.client = policy.jwks().httpClient().orElseGet(() -> HttpKeySetFetcher.defaultClient(policy.jwks().timeout()));
        for (TrustedIssuer issuer : policy.issuers()) {
            if (!(issuer.keySource() instanceof KeySource.JwksUri u && u.perTenant())) {
                fixed.put(issuer.name(), new KeySourceState(issuer.name(), issuer, fetcher(issuer, null),
                        policy.jwks(), policy.clock(), policy.listener(), refreshExecutor));
            } else {
                // validate the template URL once, with a placeholder tenant
                fetcher(issuer, "tenant");
            }
        }
    }

    public ValidationPolicy policy() {
        return policy;
    }

    /** The source that holds keys for this issuer (and tenant, for per-tenant sources). */
    public KeySourceState source(TrustedIssuer issuer, String tenant) {
        KeySourceState s = fixed.get(issuer.name());
        if (s != null) {
            return s;
        }
        if (tenant == null || !SAFE_TENANT.matcher(tenant).matches()) {
            return null; // a tenant id goes into a URL: only plain characters, so it never changes host or path
        }
        return perTenant.get(issuer.name() + "/" + tenant, label -> new KeySourceState(label, issuer,
                fetcher(issuer, tenant), policy.jwks(), policy.clock(), policy.listener(), refreshExecutor));
    }

    /** Every source created so far: the fixed ones and the per-tenant ones in use. */
    public List<KeySourceState> sources() {
        List<KeySourceState> all = new java.util.ArrayList<>(fixed.values());
        all.addAll(perTenant.asMap().values());
        return all;
    }

    /** The issuer a source belongs to. */
    public TrustedIssuer issuerOf(KeySourceState state) {
        return state.issuer();
    }

    /**
     * Every key scope the key belongs to: the scopes of all sources that publish (or published) a
     * key with its thumbprint, by their last good key set. Sources not read yet are read first.
     */
    public Set<String> scopesOf(TrackedKey key) {
        ScopeIndex index = scopeIndex;
        int n = 0;
        boolean same = true;
        for (KeySourceState s : fixed.values()) {
            s.currentUnreported(); // reads a source not read yet, refreshes one that is due
            KeyRing r = s.cached(); // stale rings still teach scopes: a consumer key stays a consumer key
            if (r != null) {
                same &= index.holds(n++, r);
            }
        }
        for (KeySourceState s : perTenant.asMap().values()) {
            s.currentUnreported(); // reads a source not read yet, refreshes one that is due
            KeyRing r = s.cached(); // stale rings still teach scopes: a consumer key stays a consumer key
            if (r != null) {
                same &= index.holds(n++, r);
            }
        }
        if (!same || n != index.size()) {
            index = rebuildScopeIndex();
            scopeIndex = index;
        }
        return index.scopes(key.thumbprint());
    }

    private ScopeIndex rebuildScopeIndex() {
        List<KeyRing> rings = new java.util.ArrayList<>();
        List<String> scopes = new java.util.ArrayList<>();
        for (KeySourceState s : sources()) {
            KeyRing r = s.cached();
            if (r != null) {
                rings.add(r);
                scopes.add(s.issuer().keyScope());
            }
        }
        return ScopeIndex.build(rings, scopes);
    }

    /** Revokes a key for every following validation on every thread. */
    public void revoke(KeyReference key, String actor, String why) {
        runtimeRevocations.put(key, "revoked at run time by " + actor + ": " + why);
        LOG.warn("key {} revoked at run time by {}: {}", key, actor, why);
    }

    /** Why the key is revoked, or null when it is not. */
    public String revocation(TrackedKey key) {
        if (key.revokedMember()) {
            return "its JWK carries a revoked member" + (key.revokedAt() == null ? "" : " (revoked_at " + key.revokedAt() + ")");
        }
        for (KeyReference ref : policy.keys().revoked()) {
            if (KeyLife.matches(ref, key)) {
                return "listed in keys.revoked as " + ref;
            }
        }
        if (!runtimeRevocations.isEmpty()) {
            for (Map.Entry<KeyReference, String> e : runtimeRevocations.entrySet()) {
                if (KeyLife.matches(e.getKey(), key)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** The key's window and age start within its ring; warns once per key whose window is unknown. */
    public KeyLife life(TrackedKey key, KeyRing ring) {
        KeyLife life = ring.life(key, k -> KeyLife.of(k, ring.firstSeen(k), policy.keys().windows()));
        if (life.sources().isEmpty() && unknownWindowWarned.add(key.thumbprint())) {
            LOG.warn("key {} has no validity window (no certificate, no JWK dates, no declaration): "
                    + "only keys.max-age from its first sighting limits it", key.label());
        }
        return life;
    }

    private KeySetFetcher fetcher(TrustedIssuer issuer, String tenant) {
        String at = "issuers[" + issuer.name() + "]";
        int max = policy.jwks().maxBytes();
        boolean loopback = policy.jwks().allowHttpLoopback();
        KeySource source = issuer.keySource();
        if (source instanceof KeySource.JwksUri u) {
            String text = tenant == null ? u.uri() : u.uri().replace(TrustedIssuer.TENANT_PLACEHOLDER, tenant);
            return new HttpKeySetFetcher(client, HttpKeySetFetcher.checkedUri(text, loopback, at + ".jwks-uri"),
                    policy.jwks().timeout(), max);
        }
        if (source instanceof KeySource.Discovery d) {
            if (issuer.isTemplate()) {
                // the metadata names the template itself as issuer (as Entra ID's common endpoint does)
                LOG.debug("discovery for template issuer {}", issuer.name());
            }
            return new DiscoveryKeySetFetcher(client,
                    HttpKeySetFetcher.checkedUri(d.uri().toString(), loopback, at + ".discovery-uri"),
                    issuer.issuer(), policy.jwks().timeout(), max, loopback);
        }
        if (source instanceof KeySource.JwksFile f) {
            return new FileKeySetFetcher(f.path(), max);
        }
        if (source instanceof KeySource.Static s) {
            String json = s.jwksJson();
            return () -> json;
        }
        throw new ConfigurationException(at, "unknown key source");
    }

    /** Thumbprint to scopes, rebuilt when any ring changes. */
    private static final class ScopeIndex {
        private final List<KeyRing> rings;
        private final Map<String, Set<String>> scopes;

        ScopeIndex(List<KeyRing> rings, Map<String, Set<String>> scopes) {
            this.rings = rings;
            this.scopes = scopes;
        }

        static ScopeIndex build(List<KeyRing> rings, List<String> ringScopes) {
            Map<String, Set<String>> map = new HashMap<>();
            for (int i = 0; i < rings.size(); i++) {
                String scope = ringScopes.get(i);
                KeyRing r = rings.get(i);
                for (TrackedKey k : r.keys()) {
                    map.computeIfAbsent(k.thumbprint(), t -> new HashSet<>()).add(scope);
                }
                for (KeyRing.Retired gone : r.retired().values()) {
                    map.computeIfAbsent(gone.key().thumbprint(), t -> new HashSet<>()).add(scope);
                }
            }
            map.replaceAll((t, s) -> Set.copyOf(s));
            return new ScopeIndex(List.copyOf(rings), Map.copyOf(map));
        }

        /** True when ring number {@code i} of the index is {@code ring}. */
        boolean holds(int i, KeyRing ring) {
            return i < rings.size() && rings.get(i) == ring;
        }

        int size() {
            return rings.size();
        }

        Set<String> scopes(String thumbprint) {
            return scopes.getOrDefault(thumbprint, Collections.emptySet());
        }
    }
}
