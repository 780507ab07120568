package dev.keyfence.posture;

import dev.keyfence.Algorithms;
import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.KeyStatus;
import dev.keyfence.NamedResource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a validator's posture (reading every key source that was not read yet) and derives the
 * findings of CONTRACT.md section 3. Backs {@link PostureReport#of}.
 */
final class PostureRules {
    private PostureRules() {}

    /** The posture of the validator and of the further resources served with it. */
    static PostureReport report(TokenValidator validator, List<NamedResource> moreResources) {
        ValidationPolicy policy = validator.policy();
        Instant now = policy.clock().instant();
        List<ControlState> controls = new ArrayList<>();
        for (Control c : Control.values()) {
            controls.add(new ControlState(c, validator.controls().contains(c)));
        }
        Map<String, List<SourceStatus>> byIssuer = new LinkedHashMap<>();
        for (TrustedIssuer i : policy.issuers()) {
            byIssuer.put(i.name(), new ArrayList<>());
        }
        for (SourceStatus s : validator.sourceStatuses()) {
            byIssuer.computeIfAbsent(s.issuerName(), k -> new ArrayList<>()).add(s);
        }
        List<IssuerPosture> issuers = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (TrustedIssuer i : policy.issuers()) {
            IssuerPosture ip = new IssuerPosture(i, byIssuer.getOrDefault(i.name(), List.of()));
            issuers.add(ip);
            issuerFindings(ip, findings);
            for (KeyStatus k : ip.keys()) {
                keyFindings(i, k, policy.keys(), now, findings);
            }
        }
        List<NamedResource> resources = resources(validator.resource(), moreResources);
        for (NamedResource named : resources) {
            ResourcePolicy r = named.resource();
            if (r.clockSkew().compareTo(PostureReport.LONG_CLOCK_SKEW) > 0) {
                FindingCode code = FindingCode.LONG_CLOCK_SKEW;
                findings.add(new Finding(
                        code.severity(),
                        code,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "resource " + r.name() + " allows a clock skew of " + r.clockSkew() + ", more than "
                                + PostureReport.LONG_CLOCK_SKEW + ": expired tokens stay usable that much longer"));
            }
        }
        for (NamedResource named : resources) {
            scopeKnowledgeFindings(named.resource(), issuers, findings);
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return new PostureReport(now, controls, issuers, resources, findings, validator.ledgerState());
    }

    /** The validator's own resource (without paths), then the further profiles: each name once, the first kept. */
    private static List<NamedResource> resources(ResourcePolicy own, List<NamedResource> more) {
        Map<String, NamedResource> byName = new LinkedHashMap<>();
        byName.put(own.name(), new NamedResource(own.name(), List.of(), own));
        for (NamedResource r : more) {
            byName.putIfAbsent(r.resource().name(), r);
        }
        return List.copyOf(byName.values());
    }

    /** Fail-closed scope separation made visible: a source teaching a refused scope that cannot be read. */
    private static void scopeKnowledgeFindings(ResourcePolicy r, List<IssuerPosture> issuers, List<Finding> out) {
        for (IssuerPosture ip : issuers) {
            TrustedIssuer i = ip.issuer();
            boolean perTenant = i.keySource() instanceof KeySource.JwksUri u && u.perTenant();
            if (perTenant || r.acceptedKeyScopes().contains(i.keyScope())) {
                continue;
            }
            for (SourceStatus s : ip.sources()) {
                if (s.health() == SourceStatus.Health.DOWN) {
                    out.add(finding(
                            FindingCode.SCOPE_KNOWLEDGE_MISSING,
                            i,
                            null,
                            "key source " + s.source()
                                    + " teaches key scope " + i.keyScope() + ", which resource " + r.name()
                                    + " refuses, and has no"
                                    + " good key set: resource " + r.name()
                                    + " refuses every token whose key is not already known"
                                    + " to lie outside scope " + i.keyScope()
                                    + " (KEYS_UNAVAILABLE) until it is read"));
                }
            }
        }
    }

    private static void issuerFindings(IssuerPosture ip, List<Finding> out) {
        TrustedIssuer i = ip.issuer();
        if (i.isTemplate() && i.allowsAnyTenant()) {
            out.add(finding(
                    FindingCode.TENANT_UNRESTRICTED,
                    i,
                    null,
                    "issuer " + i.name() + " accepts tokens of any tenant (tenants: [\"*\"])"));
        }
        List<String> symmetric = i.algorithms().orElse(List.of()).stream()
                .filter(Algorithms.SYMMETRIC::contains)
                .toList();
        if (!symmetric.isEmpty()) {
            out.add(finding(
                    FindingCode.SYMMETRIC_ALGORITHM_ALLOWED,
                    i,
                    null,
                    "issuer " + i.name() + " allows symmetric algorithms " + symmetric
                            + ": anyone holding the shared secret can mint tokens"));
        }
        String location = insecureLocation(i.keySource());
        if (location != null) {
            out.add(finding(
                    FindingCode.INSECURE_KEY_TRANSPORT,
                    i,
                    null,
                    "issuer " + i.name() + " reads its keys over plain http: " + location));
        }
        for (SourceStatus s : ip.sources()) {
            if (s.health() == SourceStatus.Health.DOWN) {
                out.add(finding(
                        FindingCode.ISSUER_UNREACHABLE,
                        i,
                        null,
                        "keys of " + s.source() + " cannot be read from " + s.location()
                                + s.problem().map(p -> ": " + p).orElse("")));
            }
        }
    }

    private static void keyFindings(TrustedIssuer i, KeyStatus k, KeyPolicy keys, Instant now, List<Finding> out) {
        String label = k.kid().orElse("jkt:" + k.thumbprint());
        if (k.scopes().size() > 1) {
            out.add(finding(
                    FindingCode.KEY_SHARED_ACROSS_SCOPES,
                    i,
                    label,
                    "key " + label + " is published by sources of key scopes "
                            + k.scopes().stream().sorted().toList() + ": it can vouch for resources of either scope"));
        }
        if ((k.retiredAt().isEmpty() || k.republished())
                && k.notAfter().isPresent()
                && now.isAfter(k.notAfter().get())) {
            out.add(finding(
                    FindingCode.EXPIRED_KEY_PUBLISHED,
                    i,
                    label,
                    "key " + label + " expired " + k.notAfter().get() + " (" + String.join(", ", k.windowSources())
                            + ") and is still published"));
        }
        Duration limit = keys.maxAge().orElse(PostureReport.DEFAULT_KEY_AGE_LIMIT);
        if (k.age().isPresent() && k.age().get().compareTo(limit) > 0) {
            out.add(finding(
                    FindingCode.KEY_TOO_OLD,
                    i,
                    label,
                    "key " + label + " is " + k.age().get().toDays() + " days old (from "
                            + k.ageSource().orElse("first sighting") + "), over " + limit.toDays() + " days"
                            + (keys.maxAge().isPresent()
                                    ? " (keys.max-age)"
                                    : " (audit default; keys.max-age is not set)")));
        }
        if (k.republished()) {
            out.add(finding(
                    FindingCode.KEY_REPUBLISHED,
                    i,
                    label,
                    "key " + label + " was removed from " + k.source()
                            + " at " + k.retiredAt().orElseThrow()
                            + " and is published again; it stays KEY_RETIRED until an "
                            + "operator reinstates it (keyfence ledger reinstate)"));
        }
        String weakness = weakness(k, keys);
        if (weakness != null) {
            out.add(finding(FindingCode.WEAK_KEY, i, label, "key " + label + ": " + weakness));
        }
        if (k.windowUnknown()) {
            out.add(finding(
                    FindingCode.KEY_WITHOUT_VALIDITY,
                    i,
                    label,
                    "key " + label + " has no validity window (no x5c, JWK nbf/exp or declared window)"));
        }
        if (k.keyIssuer().isEmpty()) {
            out.add(finding(
                    FindingCode.KEY_WITHOUT_ISSUER_BINDING,
                    i,
                    label,
                    "key " + label + " carries no issuer member, so it is not bound to an issuer"));
        }
    }

    /**
     * Why the key is weak under the policy, or null: the key rules of {@code KeyStrengthCheck},
     * as the status reader recorded them (a revoked key's problem is its revocation instead).
     */
    static @Nullable String weakness(KeyStatus k, KeyPolicy keys) {
        return k.state() != dev.keyfence.KeyState.REVOKED ? k.problem().orElse(null) : null;
    }

    /** The URL when keys travel over plain http, else null. */
    static @Nullable String insecureLocation(KeySource source) {
        String url;
        if (source instanceof KeySource.JwksUri u) {
            url = u.uri();
        } else if (source instanceof KeySource.Discovery d) {
            url = d.uri().toString();
        } else {
            return null;
        }
        String scheme = URI.create(url.replace("{tenantid}", "tenant")).getScheme();
        return scheme != null && scheme.toLowerCase(Locale.ROOT).equals("http")
                ? dev.keyfence.internal.text.RedactedUrl.of(url)
                : null;
    }

    private static Finding finding(FindingCode code, TrustedIssuer i, @Nullable String kid, String message) {
        return new Finding(
                code.severity(),
                code,
                Optional.of(i.name()),
                Optional.of(i.issuer()),
                Optional.ofNullable(kid),
                message);
    }
}
