package dev.keyfence.internal.checks;

import dev.keyfence.RequestContext;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.internal.binding.DpopProofVerifier;
import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.internal.keys.KeyKnowledge;
import dev.keyfence.internal.keys.KeyLife;
import dev.keyfence.internal.keys.KeyRegistry;
import dev.keyfence.internal.keys.KeyRing;
import dev.keyfence.internal.keys.KeySourceState;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.text.Safe;
import dev.keyfence.internal.token.NumericDate;
import dev.keyfence.internal.token.ParsedToken;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One token's evaluation: the parsed token, the policy, "now", and what is resolved from them on
 * demand (issuer, tenant, key). Resolution never rejects by itself; each check decides. Not
 * thread-safe: one evaluation per validation call.
 */
public final class Evaluation {
    private final ParsedToken token;
    private final ValidationPolicy policy;
    private final ResourcePolicy resource;
    private final KeyRegistry registry;
    private final Instant now;
    private final @Nullable String preverifiedThumbprint;
    private final RequestContext request;
    private final DpopProofVerifier dpop;
    private boolean signatureVerified;

    private boolean issuerResolved;
    private @Nullable TrustedIssuer issuer;
    private boolean keyResolved;
    private @Nullable KeyResolution key;
    private @Nullable KeyLife life;
    private boolean algorithmResolved;
    private @Nullable JwsAlgorithm algorithm;
    private boolean datesRead;
    private @Nullable Instant expiresAt;
    private @Nullable Instant issuedAt;
    private @Nullable Instant notBefore;

    public Evaluation(
            ParsedToken token,
            ValidationPolicy policy,
            ResourcePolicy resource,
            KeyRegistry registry,
            Instant now,
            @Nullable String preverifiedThumbprint,
            RequestContext request,
            DpopProofVerifier dpop) {
        this.token = token;
        this.policy = policy;
        this.resource = resource;
        this.registry = registry;
        this.now = now;
        this.preverifiedThumbprint = preverifiedThumbprint;
        this.request = request;
        this.dpop = dpop;
    }

    /** What the request presents besides the token (client certificate, DPoP proof). */
    public RequestContext request() {
        return request;
    }

    /** The DPoP proof verifier of this validator (with its replay cache). */
    public DpopProofVerifier dpop() {
        return dpop;
    }

    /**
     * The thumbprint of the key that verified this exact token before, or null. The signature
     * check may trust it only when the key resolved now has the same thumbprint.
     */
    public @Nullable String preverifiedThumbprint() {
        return preverifiedThumbprint;
    }

    /** True once the signature check computed a valid signature in this evaluation. */
    public boolean signatureVerified() {
        return signatureVerified;
    }

    void markSignatureVerified() {
        signatureVerified = true;
    }

    public ParsedToken token() {
        return token;
    }

    public ValidationPolicy policy() {
        return policy;
    }

    public ResourcePolicy resource() {
        return resource;
    }

    public KeyRegistry registry() {
        return registry;
    }

    public Instant now() {
        return now;
    }

    public Map<String, Object> claims() {
        return token.payload();
    }

    /** The {@code iss} claim when it is a string. */
    public @Nullable String iss() {
        return token.claimString("iss");
    }

    /** The {@code tid} claim when it is a string. */
    public @Nullable String tid() {
        return token.claimString("tid");
    }

    /** The {@code kid} header when it is a string. */
    public @Nullable String kid() {
        return token.headerString("kid");
    }

    /** The token's algorithm when Keyfence knows it, else null. */
    public @Nullable JwsAlgorithm algorithm() {
        if (!algorithmResolved) {
            algorithmResolved = true;
            algorithm = JwsAlgorithm.byName(token.headerString("alg"));
        }
        return algorithm;
    }

    /** The {@code exp} claim as a {@link NumericDate}; null when absent or not a JSON number. */
    public @Nullable Instant expiresAt() {
        readDates();
        return expiresAt;
    }

    /** The {@code iat} claim as a {@link NumericDate}; null when absent or not a JSON number. */
    public @Nullable Instant issuedAt() {
        readDates();
        return issuedAt;
    }

    /** The {@code nbf} claim as a {@link NumericDate}; null when absent or not a JSON number. */
    public @Nullable Instant notBefore() {
        readDates();
        return notBefore;
    }

    private void readDates() {
        if (!datesRead) {
            datesRead = true;
            Map<String, Object> claims = token.payload();
            expiresAt = NumericDate.of(claims.get("exp"));
            issuedAt = NumericDate.of(claims.get("iat"));
            notBefore = NumericDate.of(claims.get("nbf"));
        }
    }

    /** The configured issuer {@code iss} names: an exact match first, then a template; null if none. */
    public @Nullable TrustedIssuer issuer() {
        if (!issuerResolved) {
            issuerResolved = true;
            String iss = iss();
            if (iss != null) {
                for (TrustedIssuer i : policy.issuers()) {
                    if (!i.isTemplate() && i.issuer().equals(iss)) {
                        issuer = i;
                        break;
                    }
                }
                if (issuer == null) {
                    for (TrustedIssuer i : policy.issuers()) {
                        if (i.isTemplate() && i.tenantOf(iss).isPresent()) {
                            issuer = i;
                            break;
                        }
                    }
                }
            }
        }
        return issuer;
    }

    /** For a template issuer, the tenant that {@code iss} names; else null. */
    public @Nullable String tenantInIss() {
        TrustedIssuer i = issuer();
        String iss = iss();
        return i == null || iss == null || !i.isTemplate()
                ? null
                : i.tenantOf(iss).orElse(null);
    }

    /** The signing key from the issuer's own source, after at most one allowed refetch. */
    public KeyResolution key() {
        KeyResolution k = key;
        if (k == null) {
            k = resolveKey();
            key = k;
        }
        return k;
    }

    /** The resolved key's effective window and age start, or null when no key was resolved. */
    public @Nullable KeyLife keyLife() {
        KeyResolution k = key();
        KeyKnowledge knowledge = k.knowledge();
        if (k.key() == null || knowledge == null) {
            return null;
        }
        KeyLife l = life;
        if (l == null) {
            l = registry.life(knowledge);
            life = l;
        }
        return l;
    }

    private KeyResolution resolveKey() {
        TrustedIssuer i = issuer();
        if (i == null) {
            return KeyResolution.notFound("the token names no trusted issuer, so no key source applies");
        }
        JwsAlgorithm alg = algorithm();
        if (alg == null) {
            return KeyResolution.notFound("no key verifies an unsupported algorithm");
        }
        KeySourceState source = registry.source(i, tenantInIss());
        if (source == null) {
            return KeyResolution.unavailable(
                    tenantInIss() == null
                            ? "issuer " + i.name() + " has per-tenant keys and the token names no tenant"
                            : "issuer " + i.name() + " has per-tenant keys and no key source for tenant "
                                    + Safe.text(tenantInIss())
                                    + " may be created now (a tenant id of letters, digits, '.', '_', '-' only; at most "
                                    + policy.jwks().tenantSourcesPerMinute()
                                    + " new per-tenant sources per minute, jwks.tenant-sources-per-minute)");
        }
        KeyRing ring = source.current();
        if (ring == null) {
            return KeyResolution.unavailable("keys of " + source.label() + " cannot be read"
                    + (source.lastProblem() == null ? "" : ": " + source.lastProblem()));
        }
        KeyRing.Lookup found = ring.find(kid(), alg);
        if (found.key() == null && found.unknown()) {
            KeyRing refetched = source.refetchForUnknownKid();
            if (refetched != null) {
                ring = refetched;
                found = ring.find(kid(), alg);
            }
        }
        if (found.key() == null) {
            return KeyResolution.notFound(java.util.Objects.requireNonNullElse(found.problem(), "no key found"));
        }
        // sources that teach the scopes this resource refuses: wait for their first read only (bounded),
        // never for a refetch; refreshes that are due start in the background
        for (KeySourceState teacher : registry.sourcesTeachingRefusedScopes(resource)) {
            teacher.awaitFirstAnswer();
            teacher.refreshInBackgroundIfDue();
        }
        KeyKnowledge knowledge = registry.known().get(found.key().thumbprint());
        if (knowledge == null) { // a ring's keys are learned before the ring is published; never null in practice
            knowledge = KeyKnowledge.first(found.key().thumbprint(), ring.firstSeen(found.key()))
                    .published(source.label(), i.name(), i.keyScope(), java.util.List.of(found.key()));
        }
        return new KeyResolution(found.key(), knowledge, source, i, null, false);
    }

    /**
     * A resolved key with the snapshot of what is known of its key material and the source it was
     * found in, or why none: {@code unavailable} for a source that cannot be read.
     */
    public record KeyResolution(
            @Nullable TrackedKey key,
            @Nullable KeyKnowledge knowledge,
            @Nullable KeySourceState source,
            @Nullable TrustedIssuer issuer,
            @Nullable String problem,
            boolean unavailable) {
        static KeyResolution notFound(String problem) {
            return new KeyResolution(null, null, null, null, problem, false);
        }

        static KeyResolution unavailable(String problem) {
            return new KeyResolution(null, null, null, null, problem, true);
        }
    }
}
