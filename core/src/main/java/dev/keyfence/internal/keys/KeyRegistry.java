package dev.keyfence.internal.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.KeySourceListener;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every key source of a policy, what is known about keys across them ({@link KnownKeys}), and
 * revocations. Shared by all resources served by one validator, so keys are fetched once. Fixed
 * sources are read at creation, in the background; per-tenant sources are created (rate-limited)
 * and read only for tokens of their own tenant.
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
    private final KnownKeys known = new KnownKeys();
    private final CreationRate tenantSourceRate;
    /** Per set of accepted scopes, the fixed sources teaching the other scopes (computed once; sources are fixed). */
    private final Map<Set<String>, List<KeySourceState>> teachers = new ConcurrentHashMap<>();

    private volatile @Nullable Teachers lastTeachers;

    /** The last answer of {@link #sourcesTeachingRefusedScopes}, for the accepted-scope set it was for. */
    private record Teachers(Set<String> accepted, List<KeySourceState> sources) {}
    /** The key ledger's connection, or null without a ledger. */
    private final dev.keyfence.internal.keys.@Nullable LedgerLink ledger;
    /** The application's listener, guarded: a listener that throws never ends a refresh. */
    private final KeySourceListener listener;

    /**
     * A registry whose background refreshes run on the policy's refresh executor (tests set a
     * direct or queued one to run refreshes deterministically), else on the shared threads.
     */
    public KeyRegistry(ValidationPolicy policy) {
        this.policy = policy;
        this.refreshExecutor = policy.refreshExecutor().orElseGet(RefreshExecutor::shared);
        this.listener = GuardedKeySourceListener.of(policy.listener());
        this.client = policy.jwks()
                .httpClient()
                .orElseGet(() -> HttpKeySetFetcher.defaultClient(policy.jwks().timeout()));
        this.tenantSourceRate = new CreationRate(policy.jwks().tenantSourcesPerMinute());
        for (TrustedIssuer issuer : policy.issuers()) {
            if (!(issuer.keySource() instanceof KeySource.JwksUri u && u.perTenant())) {
                fixed.put(
                        issuer.name(),
                        new KeySourceState(
                                issuer.name(),
                                issuer,
                                fetcher(issuer, null),
                                policy.jwks(),
                                policy.clock(),
                                listener,
                                refreshExecutor,
                                known));
            } else {
                // validate the template URL once, with a placeholder tenant
                fetcher(issuer, "tenant");
            }
        }
        this.ledger = policy.ledger()
                .map(l -> dev.keyfence.internal.keys.LedgerLink.start(
                        l,
                        known,
                        policy.clock(),
                        listener,
                        policy.jwks().maxStale().dividedBy(4)))
                .orElse(null);
        if (ledger != null) {
            // off the request path: validator creation waits (bounded) for the ledger's knowledge and remembered sets
            ledger.onRememberedSet(set -> {
                KeySourceState s = fixed.get(set.source());
                if (s != null) {
                    s.remember(set.json(), set.readAt());
                }
            });
            ledger.awaitFirstLoad(policy.jwks().timeout());
        }
        // every fixed source is read at once, in the background: no token waits on another issuer's first read
        fixed.values().forEach(KeySourceState::startFirstRead);
    }

    public ValidationPolicy policy() {
        return policy;
    }

    /**
     * The source that holds keys for this issuer (and tenant, for per-tenant sources), or null
     * when there is none: no tenant, a tenant id unfit for a URL, or a new per-tenant source over
     * {@code jwks.tenant-sources-per-minute}. A per-tenant source whose reads failed is kept
     * (negatively cached) for {@code min-refetch-interval}, then dropped; it is only ever read for
     * tokens of its own tenant.
     */
    public @Nullable KeySourceState source(TrustedIssuer issuer, @Nullable String tenant) {
        KeySourceState s = fixed.get(issuer.name());
        if (s != null) {
            return s;
        }
        if (tenant == null || !SAFE_TENANT.matcher(tenant).matches()) {
            return null; // a tenant id goes into a URL: only plain characters, so it never changes host or path
        }
        String label = issuer.name() + "/" + tenant;
        Instant now = policy.clock().instant();
        KeySourceState cached = perTenant.getIfPresent(label);
        if (cached != null
                && cached.cached() == null
                && cached.lastFailure() != null
                && Duration.between(cached.lastFailure(), now)
                                .compareTo(policy.jwks().minRefetchInterval())
                        >= 0) {
            perTenant.asMap().remove(label, cached); // negative cache over: evicted, created anew below
            cached = null;
        }
        if (cached != null) {
            return cached;
        }
        if (!tenantSourceRate.tryAcquire(now)) {
            LOG.debug("per-tenant key source {} not created: over jwks.tenant-sources-per-minute", label);
            return null;
        }
        return perTenant.get(label, l -> {
            KeySourceState created = new KeySourceState(
                    l,
                    issuer,
                    fetcher(issuer, tenant),
                    policy.jwks(),
                    policy.clock(),
                    listener,
                    refreshExecutor,
                    known);
            if (ledger != null) {
                ledger.rememberedSet(l).ifPresent(set -> created.remember(set.json(), set.readAt()));
            }
            return created;
        });
    }

    /** True for a source configured with a fixed location (not one per tenant). */
    public boolean isFixed(KeySourceState source) {
        return fixed.get(source.issuer().name()) == source;
    }

    /** What is known of every key material, and of each source's last good read. */
    public KnownKeys known() {
        return known;
    }

    /**
     * The fixed sources whose key scope {@code resource} does not accept: the sources that teach
     * which keys the resource must refuse.
     */
    public List<KeySourceState> sourcesTeachingRefusedScopes(dev.keyfence.ResourcePolicy resource) {
        Teachers seen = lastTeachers; // by identity of the resource's (immutable) set: no set hashing per token
        if (seen != null && seen.accepted() == resource.acceptedKeyScopes()) {
            return seen.sources();
        }
        List<KeySourceState> sources = teachers.computeIfAbsent(resource.acceptedKeyScopes(), accepted -> {
            List<KeySourceState> out = new java.util.ArrayList<>();
            for (KeySourceState s : fixed.values()) {
                if (!accepted.contains(s.issuer().keyScope())) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        });
        lastTeachers = new Teachers(resource.acceptedKeyScopes(), sources);
        return sources;
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

    /** Revokes a key for every following validation on every thread. */
    public void revoke(KeyReference key, String actor, String why) {
        runtimeRevocations.put(key, "revoked at run time by " + actor + ": " + why);
        LOG.warn("key {} revoked at run time by {}: {}", key, actor, why);
        if (ledger != null) {
            Set<String> thumbprints = new java.util.HashSet<>();
            if (key.kind() == KeyReference.Kind.THUMBPRINT) {
                thumbprints.add(key.value());
            } else {
                for (KeyKnowledge k : known.all()) {
                    if (KeyLife.matches(key, k)) {
                        thumbprints.add(k.thumbprint());
                    }
                }
            }
            if (thumbprints.isEmpty()) {
                LOG.warn("key {}: no known key material has it; the revocation is not recorded in the ledger", key);
                return;
            }
            ledger.revoke(thumbprints, actor, why);
        }
    }

    /** The key ledger's connection, when the policy has a ledger. */
    public java.util.Optional<dev.keyfence.internal.keys.LedgerLink> ledger() {
        return java.util.Optional.ofNullable(ledger);
    }

    /**
     * When the key material was retired for good: removed from a source and, with a ledger,
     * not reinstated by an operator since (even if published again); else null.
     */
    public @Nullable Instant retiredAt(KeyKnowledge key, KeySourceState source) {
        Instant here = key.removedAt(source.label());
        if (here != null || ledger == null) {
            return here;
        }
        return ledger.retiredAt(key.thumbprint());
    }

    /**
     * Why the key material is revoked, or null when it is not: a {@code revoked} member on any of
     * its entries, or a revocation naming its thumbprint or any kid it is published under.
     */
    public @Nullable String revocation(KeyKnowledge key) {
        TrackedKey revoked = key.revokedEntry();
        if (revoked != null) {
            return "its JWK carries a revoked member"
                    + (revoked.revokedAt() == null ? "" : " (revoked_at " + revoked.revokedAt() + ")");
        }
        for (KeyReference ref : policy.keys().revoked()) {
            if (KeyLife.matches(ref, key)) {
                return "listed in keys.revoked as " + ref;
            }
        }
        if (ledger != null) {
            dev.keyfence.ledger.KeyRecord.Action a = ledger.revocation(key.thumbprint());
            if (a != null) {
                return "revoked in the key ledger by " + a.actor() + " at " + a.at() + ": " + a.reason();
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

    /** The key material's window and age start; warns once per key whose window is unknown. */
    public KeyLife life(KeyKnowledge key) {
        KeyLife life = key.life(policy.keys().windows());
        if (life.sources().isEmpty() && unknownWindowWarned.add(key.thumbprint())) {
            LOG.warn(
                    "key {} has no validity window (no certificate, no JWK dates, no declaration): "
                            + "only keys.max-age from its first sighting limits it",
                    key.kids().isEmpty() ? "jkt:" + key.thumbprint() : String.join(",", key.kids()));
        }
        return life;
    }

    /**
     * The fetcher of {@code issuer}'s key source; a source the policy refuses (plain http, say) is
     * a configuration error named after the issuer and marked with its position in the policy.
     */
    private KeySetFetcher fetcher(TrustedIssuer issuer, @Nullable String tenant) {
        try {
            return unmarkedFetcher(issuer, tenant);
        } catch (ConfigurationException e) {
            int index = position(issuer);
            String key = e.setting().substring(e.setting().lastIndexOf('.') + 1);
            boolean source = key.equals("jwks-uri") || key.equals("discovery-uri");
            throw index < 0 || !source || e.issuerIndex().isPresent() ? e : e.ofIssuer(index, key);
        }
    }

    /** The position of {@code issuer} (the same instance) in the policy's list, or -1. */
    private int position(TrustedIssuer issuer) {
        List<TrustedIssuer> all = policy.issuers();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == issuer) {
                return i;
            }
        }
        return -1;
    }

    private KeySetFetcher unmarkedFetcher(TrustedIssuer issuer, @Nullable String tenant) {
        String at = "issuers[" + issuer.name() + "]";
        int max = policy.jwks().maxBytes();
        boolean loopback = policy.jwks().allowHttpLoopback();
        KeySource source = issuer.keySource();
        if (source instanceof KeySource.JwksUri u) {
            String text = tenant == null ? u.uri() : u.uri().replace(TrustedIssuer.TENANT_PLACEHOLDER, tenant);
            return new HttpKeySetFetcher(
                    client,
                    HttpKeySetFetcher.checkedUri(text, loopback, at + ".jwks-uri"),
                    policy.jwks().timeout(),
                    max);
        }
        if (source instanceof KeySource.Discovery d) {
            if (issuer.isTemplate()) {
                // the metadata names the template itself as issuer (as Entra ID's common endpoint does)
                LOG.debug("discovery for template issuer {}", issuer.name());
            }
            return new DiscoveryKeySetFetcher(
                    client,
                    HttpKeySetFetcher.checkedUri(d.uri().toString(), loopback, at + ".discovery-uri"),
                    issuer.issuer(),
                    policy.jwks().timeout(),
                    max,
                    loopback);
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
}
