package dev.keyfence.internal.drill;

import dev.keyfence.Control;
import dev.keyfence.NamedResource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * Mints the attack catalogue against a shadow: the three 2023 shapes, a consumer token at an
 * enterprise-only profile, key life (retired, revoked, too old, token outside its key's window),
 * header attacks (alg none, HS256 keyed with the public key, embedded jwk, jku, x5u, crit, kid
 * injection), a psychic ECDSA signature, and claim attacks (audience, typ, expiry, lifetime).
 */
final class Catalogue {
    private static final String ATTACKER_TENANT = "e0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b";
    private static final String ANY_TENANT = "6f1c3a52-8d4e-4b7a-9c10-2e5f7a8b9c0d";
    private static final String ATTACKER_SITE = "https://attacker.drill.invalid/keys";

    private final Shadow shadow;
    private final List<NamedResource> profiles;
    private final int minControls;
    private final Instant now;
    private final IssuerKeys target;
    private final @Nullable String tenant;
    private final List<String> skipped = new ArrayList<>();

    Catalogue(Shadow shadow, List<NamedResource> profiles, int minControls) {
        this.shadow = shadow;
        this.profiles = profiles;
        this.minControls = minControls;
        this.now = shadow.now();
        this.target = shadow.target();
        this.tenant = target.issuer().isTemplate() ? tenantOf(target.issuer()) : null;
    }

    /** Attacks the catalogue could not mint for this policy, with why. */
    List<String> skipped() {
        return skipped;
    }

    List<Attack> mint() {
        ResourcePolicy main = shadow.policy().resource();
        List<Attack> out = new ArrayList<>();
        List<ResourcePolicy> all = new ArrayList<>();
        all.add(main);
        profiles.forEach(p -> all.add(p.resource()));
        String legit = "legitimate " + target.issuer().keyScope() + " token";
        ShadowKey tk = target.current();
        // the enterprise tenant's data: every resource that accepts the target issuer's scope
        List<ResourcePolicy> enterprise = all.stream()
                .filter(r -> r.acceptedKeyScopes().contains(target.issuer().keyScope()))
                .toList();
        boolean anyRefuses =
                enterprise.stream().anyMatch(r -> !r.acceptedKeyScopes().contains(foreignScope()));
        for (ResourcePolicy r : enterprise) {
            String good = good(r);
            boolean held = !anyRefuses || !r.acceptedKeyScopes().contains(foreignScope());
            out.add(forgery(
                    r,
                    held,
                    "expired-consumer-key",
                    "2023: expired " + foreignScope() + " key, "
                            + target.issuer().keyScope() + " tenant",
                    foreignExpired(),
                    good,
                    legit,
                    true));
            out.add(forgery(
                    r,
                    held,
                    "consumer-key",
                    "2023: current " + foreignScope() + " key, "
                            + target.issuer().keyScope() + " tenant",
                    foreignCurrent(),
                    good,
                    legit,
                    false));
        }
        String good = good(main);
        if (target.issuer().isTemplate()) {
            String attackerTenant = target.issuer().tenants().contains(ATTACKER_TENANT) ? ANY_TENANT : ATTACKER_TENANT;
            out.add(attack(
                    main,
                    "cross-tenant",
                    "2023: cross-tenant iss/tid (attacker's own tenant)",
                    sign(
                            tk,
                            claims(
                                    main,
                                    iss(target.issuer(), attackerTenant),
                                    attackerTenant,
                                    now.minusSeconds(60),
                                    exp(main)),
                            typ(main)),
                    good,
                    legit,
                    Map.of(
                            Control.TENANT,
                            "issuer " + target.issuer().name() + ": list the allowed tenants instead of [\"*\"]")));
        } else {
            skipped.add("cross-tenant: issuer " + target.issuer().name() + " has no {tenantid} template");
        }
        shadow.foreign().ifPresent(f -> {
            for (ResourcePolicy r : all) {
                if (!r.acceptedKeyScopes().contains(f.issuer().keyScope())) {
                    String ftenant = f.issuer().isTemplate() ? tenantOf(f.issuer()) : null;
                    String id = "consumer-token" + (profiles.isEmpty() ? "" : "@" + r.name());
                    String scope = f.issuer().keyScope();
                    out.add(attack(
                            r,
                            id,
                            scope + " token at " + r.name() + " (refuses " + scope + " keys)",
                            sign(
                                    f.current(),
                                    claims(r, iss(f.issuer(), ftenant), ftenant, now.minusSeconds(60), exp(r)),
                                    typ(r)),
                            good(r),
                            "legitimate " + legitKeys(r).issuer().keyScope() + " token",
                            Map.of()));
                }
            }
        });
        target.retired()
                .ifPresent(k -> out.add(attack(
                        main,
                        "retired-key",
                        "rotated-out (retired) key",
                        sign(k, standard(main), typ(main)),
                        good,
                        legit,
                        Map.of())));
        target.revoked()
                .ifPresent(k -> out.add(attack(
                        main,
                        "revoked-key",
                        "revoked key (" + k.kid() + ")",
                        sign(k, standard(main), typ(main)),
                        good,
                        legit,
                        Map.of())));
        if (target.tooOld().isPresent()) {
            out.add(attack(
                    main,
                    "key-too-old",
                    "key older than keys.max-age",
                    sign(target.tooOld().get(), standard(main), typ(main)),
                    good,
                    legit,
                    Map.of()));
        } else {
            skipped.add("key-too-old: keys.max-age is not set (set it to add the KEY_MAX_AGE control)");
        }
        Optional<Instant> keyStart = tk.notBefore();
        if (keyStart.isPresent()) {
            Instant iat = keyStart.get().minus(Duration.ofDays(1));
            out.add(attack(
                    main,
                    "token-outside-key-window",
                    "token issued before its key's window",
                    sign(tk, claims(main, iss(target.issuer(), tenant), tenant, iat, exp(main)), typ(main)),
                    good,
                    legit,
                    Map.of()));
        } else {
            skipped.add("token-outside-key-window: the keys of issuer "
                    + target.issuer().name() + " carry no window");
        }
        Map<String, Object> claims = standard(main);
        out.add(attack(
                main,
                "alg-none",
                "alg none",
                Minter.raw(Minter.header("alg", "none", "kid", tk.kid(), "typ", typ(main)), claims, new byte[0]),
                good,
                legit,
                Map.of()));
        out.add(attack(
                main,
                "hs256-public-key",
                "HS256 keyed with the public key",
                Minter.sign(
                        Minter.header("kid", tk.kid(), "typ", typ(main)),
                        claims,
                        "HS256",
                        new HmacKey(pem(tk).getBytes(StandardCharsets.US_ASCII))),
                good,
                legit,
                Map.of()));
        KeyPair attacker = ShadowKey.generate(tk.alg(), 2048);
        String akid = "attacker-1";
        // tokens signed with a key of the attacker's choosing
        java.util.function.Function<Map<String, Object>, String> byAttacker =
                header -> Minter.sign(header, claims, tk.alg(), attacker.getPrivate());
        // headers pointing at that key
        Object[][] pointers = {
            {"embedded-jwk", "embedded jwk header (attacker's key)", "jwk", publicJwk(attacker)},
            {"jku", "jku header (attacker's key set)", "jku", ATTACKER_SITE},
            {"x5u", "x5u header (attacker's certificate)", "x5u", ATTACKER_SITE}
        };
        for (Object[] pointer : pointers) {
            String token =
                    byAttacker.apply(Minter.header("kid", akid, "typ", typ(main), (String) pointer[2], pointer[3]));
            out.add(attack(main, (String) pointer[0], (String) pointer[1], token, good, legit, Map.of()));
        }
        out.add(attack(
                main,
                "crit",
                "crit header naming an unknown extension",
                Minter.sign(
                        Minter.header(
                                "kid", tk.kid(), "typ", typ(main), "crit", List.of("drill-ext"), "drill-ext", true),
                        claims,
                        tk.alg(),
                        tk.privateKey()),
                good,
                legit,
                Map.of()));
        out.add(attack(
                main,
                "kid-injection",
                "kid injection (path and SQL in kid)",
                byAttacker.apply(Minter.header("kid", "../../../../dev/null' OR '1'='1", "typ", typ(main))),
                good,
                legit,
                Map.of()));
        out.add(attack(
                main,
                "psychic-signature",
                "psychic ECDSA signature (r = s = 0)",
                Minter.raw(Minter.header("alg", "ES256", "kid", tk.kid(), "typ", typ(main)), claims, new byte[64]),
                good,
                legit,
                Map.of()));
        Map<String, Object> wrongAud = standard(main);
        wrongAud.put("aud", "api://drill-another-api");
        out.add(attack(
                main,
                "wrong-audience",
                "token for another audience",
                sign(tk, wrongAud, typ(main)),
                good,
                legit,
                Map.of()));
        String wrongTyp = List.of("logout+jwt", "secevent+jwt", "dpop+jwt").stream()
                .filter(t -> !main.tokenTypes().contains(t))
                .findFirst()
                .orElse("drill+jwt");
        out.add(attack(
                main,
                "wrong-typ",
                "wrong typ (" + wrongTyp + ")",
                sign(tk, standard(main), wrongTyp),
                good,
                legit,
                Map.of()));
        out.add(attack(
                main,
                "expired-token",
                "expired token",
                sign(
                        tk,
                        claims(
                                main,
                                iss(target.issuer(), tenant),
                                tenant,
                                now.minus(Duration.ofHours(2)),
                                now.minus(Duration.ofHours(1))),
                        typ(main)),
                good,
                legit,
                Map.of()));
        Instant iat = now.minusSeconds(60);
        out.add(attack(
                main,
                "lifetime-over-cap",
                "lifetime over resource.max-token-lifetime",
                sign(
                        tk,
                        claims(
                                main,
                                iss(target.issuer(), tenant),
                                tenant,
                                iat,
                                iat.plus(main.maxTokenLifetime()).plus(Duration.ofHours(1))),
                        typ(main)),
                good,
                legit,
                Map.of()));
        return out;
    }

    /**
     * A 2023 key forgery at resource {@code r}. It needs {@code minControls} controls where the
     * policy keeps enterprise data from consumer keys ({@code held}: every resource that refuses the
     * foreign scope, or every resource when none does), and must at least be refused elsewhere.
     */
    private Attack forgery(
            ResourcePolicy r,
            boolean held,
            String id,
            String title,
            ShadowKey key,
            String good,
            String legit,
            boolean expired) {
        String foreignScope = foreignScope();
        boolean refused = !r.acceptedKeyScopes().contains(foreignScope);
        Map<Control, String> remedies = new LinkedHashMap<>();
        TrustedIssuer t = target.issuer();
        if (!t.requireKeyIssuer()) {
            remedies.put(Control.KEY_ISSUER_BINDING, "set require-key-issuer: true on issuer " + t.name());
        }
        if (shadow.foreign().isEmpty()) {
            remedies.put(
                    Control.KEY_SCOPE,
                    "configure the consumer issuer (its key source, key-scope: consumer) so "
                            + "its keys are known as consumer keys");
        } else if (!refused) {
            remedies.put(
                    Control.KEY_SCOPE,
                    "remove " + foreignScope + " from accepted-key-scopes of resource " + r.name() + " (or give "
                            + foreignScope + " accounts a profile of their own)");
        }
        if (expired) {
            remedies.put(Control.KEY_VALIDITY_WINDOW, "declare the expired key's window under keys.windows");
            remedies.put(Control.KEY_MAX_AGE, "set keys.max-age");
        }
        String tag = profiles.isEmpty() ? "" : " @" + r.name();
        return new Attack(
                id + (profiles.isEmpty() ? "" : "@" + r.name()),
                title + tag,
                r,
                sign(key, claims(r, iss(t, tenant), tenant, now.minusSeconds(60), exp(r)), typ(r)),
                legit,
                good,
                true,
                held ? minControls : 1,
                remedies);
    }

    private Attack attack(
            ResourcePolicy r,
            String id,
            String title,
            String token,
            String good,
            String legit,
            Map<Control, String> remedies) {
        return new Attack(id, title, r, token, legit, good, false, 1, remedies);
    }

    private String foreignScope() {
        return shadow.foreign().map(f -> f.issuer().keyScope()).orElse("consumer");
    }

    /** The foreign issuer's key, else the unlisted key made when there is no foreign issuer. */
    private ShadowKey foreignCurrent() {
        return shadow.foreign().map(IssuerKeys::current).orElseGet(() -> Objects.requireNonNull(shadow.unlisted()));
    }

    private ShadowKey foreignExpired() {
        return shadow.foreign()
                .map(IssuerKeys::expired)
                .orElseGet(() -> Objects.requireNonNull(shadow.unlistedExpired()));
    }

    /**
     * The legitimate token for resource {@code r}: the current key of the target issuer (or, where
     * {@code r} refuses its scope, of the first issuer whose scope {@code r} accepts), every rule met.
     */
    private String good(ResourcePolicy r) {
        IssuerKeys k = legitKeys(r);
        String tid = k == target ? tenant : k.issuer().isTemplate() ? tenantOf(k.issuer()) : null;
        return sign(k.current(), claims(r, iss(k.issuer(), tid), tid, now.minusSeconds(60), exp(r)), typ(r));
    }

    private IssuerKeys legitKeys(ResourcePolicy r) {
        if (r.acceptedKeyScopes().contains(target.issuer().keyScope())) {
            return target;
        }
        return shadow.keys().values().stream()
                .filter(k -> r.acceptedKeyScopes().contains(k.issuer().keyScope()))
                .filter(k -> !"none".equals(k.shape().learnedFrom()))
                .findFirst()
                .orElse(target);
    }

    private Map<String, Object> standard(ResourcePolicy r) {
        return claims(r, iss(target.issuer(), tenant), tenant, now.minusSeconds(60), exp(r));
    }

    private Instant exp(ResourcePolicy r) {
        Duration life = r.maxTokenLifetime().dividedBy(2);
        return now.minusSeconds(60).plus(life.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : life);
    }

    private Map<String, Object> claims(ResourcePolicy r, String iss, @Nullable String tid, Instant iat, Instant exp) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", iss);
        c.put("sub", "drill-subject");
        c.put("aud", new TreeSet<>(r.audiences()).first());
        c.put("iat", iat.getEpochSecond());
        c.put("nbf", iat.getEpochSecond());
        c.put("exp", exp.getEpochSecond());
        if (tid != null) {
            c.put("tid", tid);
        }
        for (String required : new TreeSet<>(r.requiredClaims())) {
            c.putIfAbsent(required, "drill");
        }
        return c;
    }

    private static String sign(ShadowKey key, Map<String, Object> claims, @Nullable String typ) {
        return Minter.sign(Minter.header("kid", key.kid(), "typ", typ), claims, key.alg(), key.privateKey());
    }

    private static @Nullable String typ(ResourcePolicy r) {
        if (r.tokenTypes().contains("at+jwt")) {
            return "at+jwt";
        }
        return r.tokenTypes().stream()
                .filter(t -> !t.isEmpty())
                .sorted()
                .findFirst()
                .orElse(null);
    }

    private static String iss(TrustedIssuer i, @Nullable String tid) {
        return i.isTemplate() ? i.issuer().replace(TrustedIssuer.TENANT_PLACEHOLDER, tid) : i.issuer();
    }

    /** An allowed tenant of a template issuer (the first listed, or one that fits its pattern). */
    private static String tenantOf(TrustedIssuer i) {
        Optional<String> listed =
                i.tenants().stream().filter(t -> !"*".equals(t)).sorted().findFirst();
        return listed.orElseGet(() -> i.allowsTenant(ANY_TENANT) ? ANY_TENANT : "drill-tenant");
    }

    private static String pem(ShadowKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static Map<String, Object> publicJwk(KeyPair pair) {
        try {
            return new LinkedHashMap<>(PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic())
                    .toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot describe the attacker's key as a JWK", e);
        }
    }
}
