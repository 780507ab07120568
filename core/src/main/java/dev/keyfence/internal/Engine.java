package dev.keyfence.internal;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import dev.keyfence.RequestContext;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.VerifiedToken;
import dev.keyfence.internal.binding.DpopProofVerifier;
import dev.keyfence.internal.binding.ProofReplayCache;
import dev.keyfence.internal.checks.Check;
import dev.keyfence.internal.checks.Checks;
import dev.keyfence.internal.checks.Evaluation;
import dev.keyfence.internal.checks.KeyScopeCheck;
import dev.keyfence.internal.checks.Rejection;
import dev.keyfence.internal.json.Json;
import dev.keyfence.internal.keys.KeyRegistry;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.token.Fingerprint;
import dev.keyfence.internal.token.MalformedTokenException;
import dev.keyfence.internal.token.ParsedToken;
import dev.keyfence.internal.token.TokenParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ordered checks over one token for one resource and turns the outcome into a verdict,
 * logging rejections to the audit log ({@link AuditLog}, bounded per second). Immutable and thread-safe.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final ValidationPolicy policy;
    private final ResourcePolicy resource;
    private final KeyRegistry registry;
    private final Check[] checks;
    private final Set<Control> controls;
    private final VerifiedSignatures verified;
    /** Null for the drill's shadow engines: their minted attacks are no events for the audit log. */
    private final @Nullable AuditLog audit;

    private final DpopProofVerifier dpop;

    private Engine(
            ValidationPolicy policy,
            ResourcePolicy resource,
            KeyRegistry registry,
            Set<Control> controls,
            VerifiedSignatures verified,
            DpopProofVerifier dpop) {
        this(
                policy,
                resource,
                registry,
                controls,
                verified,
                dpop,
                new AuditLog(policy.auditLinesPerSecond(), policy.clock()));
    }

    private Engine(
            ValidationPolicy policy,
            ResourcePolicy resource,
            KeyRegistry registry,
            Set<Control> controls,
            VerifiedSignatures verified,
            DpopProofVerifier dpop,
            @Nullable AuditLog audit) {
        this.audit = audit;
        this.policy = policy;
        this.resource = resource;
        this.registry = registry;
        this.controls = java.util.Collections.unmodifiableSet(EnumSet.copyOf(controls)); // in Control order
        this.checks = Checks.only(controls).toArray(new Check[0]);
        this.verified = verified;
        this.dpop = dpop;
    }

    private static DpopProofVerifier dpop(ValidationPolicy policy) {
        Duration window = DpopProofVerifier.MAX_AGE.plus(ResourcePolicy.MAX_CLOCK_SKEW.multipliedBy(2));
        return new DpopProofVerifier(new ProofReplayCache(policy.clock(), window));
    }

    /**
     * An engine running the policy's controls (every control unless the policy narrowed them for
     * a test) over a new key registry.
     */
    public static Engine create(ValidationPolicy policy) {
        Set<Control> controls = policy.controls();
        if (controls.containsAll(EnumSet.allOf(Control.class))) {
            return new Engine(
                    policy,
                    policy.resource(),
                    new KeyRegistry(policy),
                    controls,
                    VerifiedSignatures.of(policy.verifiedTokenCache()),
                    dpop(policy));
        }
        Set<Control> off = EnumSet.complementOf(EnumSet.copyOf(controls));
        LOG.warn(
                "validator built with controls off {}: it accepts tokens a full validator rejects (for tests only)",
                off);
        return new Engine(
                policy, policy.resource(), new KeyRegistry(policy), controls, VerifiedSignatures.of(0), dpop(policy));
    }

    /**
     * An engine for {@code resource} over a shared key registry that runs only the given controls
     * (token shape is always checked) and remembers no verified signature. Used by the drill to
     * find which controls catch an attack alone, inside its shadow; never for production tokens.
     * It writes nothing to the audit log: a drill's minted attacks are not attacks on the service.
     */
    public static Engine withControls(
            ValidationPolicy policy, ResourcePolicy resource, KeyRegistry registry, Set<Control> controls) {
        Set<Control> set = EnumSet.of(Control.TOKEN_SHAPE);
        set.addAll(controls);
        return new Engine(policy, resource, registry, set, VerifiedSignatures.of(0), dpop(policy), null);
    }

    /** An engine for another resource sharing this engine's key sources and caches. */
    public Engine forResource(ResourcePolicy other) {
        for (String scope : other.acceptedKeyScopes()) {
            if (policy.issuers().stream().noneMatch(i -> i.keyScope().equals(scope))) {
                throw new dev.keyfence.ConfigurationException(
                        "resource.accepted-key-scopes", "no issuer carries key scope '" + scope + "'");
            }
        }
        return new Engine(policy, other, registry, controls, verified, dpop, audit);
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

    public Set<Control> controls() {
        return controls;
    }

    /** Validates one token presented with nothing else; never throws for any input. */
    public Verdict validate(String token) {
        return validate(token, RequestContext.none());
    }

    /** Validates one token with what its request presents; never throws for any input. */
    public Verdict validate(String token, RequestContext request) {
        Instant now = policy.clock().instant();
        VerifiedSignatures.Entry seen = verified.get(token);
        ParsedToken parsed;
        try {
            parsed = seen != null ? seen.token() : TokenParser.parse(token, policy.maxTokenBytes());
        } catch (MalformedTokenException e) {
            Verdict.Rejected r = new Verdict.Rejected(
                    Reason.MALFORMED_TOKEN,
                    Objects.requireNonNullElse(e.getMessage(), "malformed token"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Fingerprint.of(token));
            log(r);
            return r;
        }
        Evaluation e = new Evaluation(
                parsed, policy, resource, registry, now, seen == null ? null : seen.keyThumbprint(), request, dpop);
        for (Check check : checks) {
            Rejection rejection = check.apply(e);
            if (rejection != null) {
                Verdict.Rejected r = rejected(e, rejection);
                log(r);
                return r;
            }
        }
        VerifiedToken result = seen != null && sameKeyAndIssuer(seen, e) ? seen.result() : verified(e);
        if (seen == null && e.signatureVerified()) {
            TrackedKey key = Objects.requireNonNull(e.key().key(), "a verified signature implies a key");
            verified.put(token, parsed.withoutBytes(), key.thumbprint(), result);
        }
        Verdict.Accepted accepted = new Verdict.Accepted(result);
        if (audit != null && AuditLog.acceptedEnabled()) {
            AuditLog.accepted(accepted, resource.name());
        }
        return accepted;
    }

    private static boolean sameKeyAndIssuer(VerifiedSignatures.Entry seen, Evaluation e) {
        TrackedKey key = e.key().key();
        TrustedIssuer issuer = e.issuer();
        return key != null
                && issuer != null
                && seen.keyThumbprint().equals(key.thumbprint())
                && seen.result().issuerName().equals(issuer.name());
    }

    private Verdict.Rejected rejected(Evaluation e, Rejection rejection) {
        String scope = null;
        // a key is resolved only when the rejecting control runs after the key lookup
        Evaluation.KeyResolution key = Control.KEY_LOOKUP.isBefore(Control.of(rejection.reason())) ? e.key() : null;
        TrustedIssuer keyIssuer = key == null || key.key() == null ? null : key.issuer();
        if (keyIssuer != null) {
            String refused = rejection.reason() == Reason.KEY_SCOPE_NOT_ACCEPTED ? KeyScopeCheck.refusedScope(e) : null;
            scope = refused != null ? refused : keyIssuer.keyScope();
        }
        TrustedIssuer issuer = e.issuer();
        String tenant = issuer != null && issuer.isTemplate() ? e.tid() : null;
        return new Verdict.Rejected(
                rejection.reason(),
                rejection.detail(),
                Optional.ofNullable(e.iss()),
                Optional.ofNullable(tenant),
                Optional.ofNullable(e.kid()),
                Optional.ofNullable(scope),
                e.token().fingerprint());
    }

    private VerifiedToken verified(Evaluation e) {
        Map<String, Object> claims = e.claims();
        List<String> audience;
        Object aud = claims.get("aud");
        if (aud instanceof String s) {
            audience = List.of(s);
        } else if (aud instanceof List<?> list) {
            audience = new ArrayList<>(list.size());
            for (Object a : list) {
                if (a instanceof String s) {
                    audience.add(s);
                }
            }
        } else {
            audience = List.of();
        }
        Instant exp = e.expiresAt();
        // a tenant only for template issuers, where the tenant check bound tid to iss; an exact issuer's tid is
        // unchecked
        TrustedIssuer issuer = e.issuer();
        String tenant = issuer != null && issuer.isTemplate() ? e.tid() : null;
        TrustedIssuer keyIssuer = e.key().key() != null ? e.key().issuer() : null;
        String scope = keyIssuer != null ? keyIssuer.keyScope() : issuer != null ? issuer.keyScope() : "unknown";
        Set<String> scopes = KeyScopeCheck.knownScopes(e);
        String issuerName = issuer != null ? issuer.name() : "unknown";
        return VerifiedTokens.of(
                new VerifiedTokens.Facts(
                        e.iss() == null ? "" : e.iss(),
                        Optional.ofNullable(e.token().claimString("sub")),
                        audience,
                        Optional.ofNullable(tenant),
                        Optional.ofNullable(e.kid()),
                        String.valueOf(e.token().headerString("alg")),
                        Optional.ofNullable(e.token().headerString("typ")),
                        scope,
                        scopes.isEmpty() ? Set.of(scope) : scopes,
                        issuerName,
                        exp == null ? Instant.MAX : exp,
                        withoutNulls(claims),
                        e.token()::fingerprint),
                VerifiedToken.class);
    }

    /** The claims without JSON nulls; the parsed (unmodifiable) tree itself when it holds none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        if (!Json.holdsNull(map)) {
            return map;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object clean = clean(v);
            if (clean != null) {
                out.put(k, clean);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object clean(Object v) {
        if (v == Json.NULL) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return withoutNulls((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream()
                    .map(Engine::clean)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }
        return v;
    }

    private void log(Verdict.Rejected r) {
        if (audit != null) {
            audit.rejected(r, resource.name());
        }
    }
}
