package dev.keyfence.internal.drill;

import dev.keyfence.DeclaredWindow;
import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.internal.keys.KeyRegistry;
import dev.keyfence.internal.keys.KeySourceState;
import dev.keyfence.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A shadow of a policy: the same issuers, tenants, scopes, resource rules, key rules, windows and
 * revocations, with every key source replaced by a key set of ephemeral keys written to a private
 * temporary folder (never the real source, never the network). The issuer the drill attacks
 * through also publishes the foreign scope's keys, as a common endpoint did in 2023, so no control
 * is credited for a source that merely happens not to serve foreign keys.
 */
final class Shadow implements AutoCloseable {
    private static final Duration CURRENT_AGE = Duration.ofDays(30);

    private final ShadowClock clock;
    private final Instant now;
    private final Path dir;
    private final ValidationPolicy policy;
    /** Made by {@link #replayHistory()}, once the shadow key sets are written (a registry reads them at once). */
    private @Nullable KeyRegistry registry;

    private final Map<String, IssuerKeys> keys;
    private final IssuerKeys target;
    private final Optional<IssuerKeys> foreign;
    private final @Nullable ShadowKey unlisted;
    private final @Nullable ShadowKey unlistedExpired;
    private final List<String> notes;

    private Shadow(
            ShadowClock clock,
            Instant now,
            Path dir,
            ValidationPolicy policy,
            Map<String, IssuerKeys> keys,
            IssuerKeys target,
            Optional<IssuerKeys> foreign,
            @Nullable ShadowKey unlisted,
            @Nullable ShadowKey unlistedExpired,
            List<String> notes) {
        this.clock = clock;
        this.now = now;
        this.dir = dir;
        this.policy = policy;
        this.keys = keys;
        this.target = target;
        this.foreign = foreign;
        this.unlisted = unlisted;
        this.unlistedExpired = unlistedExpired;
        this.notes = List.copyOf(notes);
    }

    /** Builds the shadow of {@code real} at {@code now}, with its key history (a retirement) replayed. */
    static Shadow build(ValidationPolicy real, Instant now, KeyBank bank) {
        ResourcePolicy resource = real.resource();
        int maxBytes = real.jwks().maxBytes();
        int rsaBits = Math.max(2048, real.keys().minRsaBits());
        List<String> notes = new ArrayList<>();
        Map<String, KeyShape> shapes = new LinkedHashMap<>();
        for (TrustedIssuer i : real.issuers()) {
            Optional<KeyShape> shape = ShapeReader.shapeOf(i, resource, maxBytes);
            shapes.put(i.name(), shape.orElse(new KeyShape("RS256", i.requireKeyIssuer(), true, "none")));
            if (shape.isEmpty()) {
                notes.add("issuer " + i.name() + ": no asymmetric algorithm the resource accepts; its shadow source "
                        + "publishes an RS256 key only to stay readable, and no token is minted for it");
            }
        }
        TrustedIssuer targetIssuer = pickTarget(real, shapes);
        TrustedIssuer foreignIssuer = real.issuers().stream()
                .filter(i -> !i.keyScope().equals(targetIssuer.keyScope())
                        && !"none".equals(shapeOf(shapes, i).learnedFrom()))
                .sorted((a, b) -> Boolean.compare(
                        resource.acceptedKeyScopes().contains(a.keyScope()),
                        resource.acceptedKeyScopes().contains(b.keyScope())))
                .findFirst()
                .orElse(null);

        Map<String, IssuerKeys> keys = new LinkedHashMap<>();
        List<TrustedIssuer> issuers = real.issuers();
        for (TrustedIssuer i : issuers) {
            KeyShape shape = shapeOf(shapes, i);
            keys.put(i.name(), keysOf(i, shape, real, now, rsaBits, i == targetIssuer, notes, bank));
        }
        KeyShape targetShape = shapeOf(shapes, targetIssuer);
        String unlistedIssuer = "https://consumer.drill.invalid/v2.0";
        boolean unlistedNeeded = foreignIssuer == null;
        ShadowKey unlisted = !unlistedNeeded
                ? null
                : bank.key(
                        "drill-unlisted-consumer",
                        targetShape.alg(),
                        rsaBits,
                        targetShape.issuerMember() ? unlistedIssuer : null,
                        targetShape.windowed() ? now.minus(CURRENT_AGE) : null,
                        targetShape.windowed() ? now.plus(Duration.ofDays(365)) : null,
                        null);
        ShadowKey unlistedExpired = !unlistedNeeded
                ? null
                : bank.key(
                        "drill-unlisted-consumer-expired",
                        targetShape.alg(),
                        rsaBits,
                        targetShape.issuerMember() ? unlistedIssuer : null,
                        targetShape.windowed() ? now.minus(Duration.ofDays(7 * 365)) : null,
                        targetShape.windowed() ? now.minus(Duration.ofDays(2 * 365)) : null,
                        null);
        for (TrustedIssuer i : issuers) {
            KeyShape s = shapeOf(shapes, i);
            if ("assumed".equals(s.learnedFrom())) {
                notes.add("issuer " + i.name() + ": " + s.describe(rsaBits) + "; its source ("
                        + (i.keySource() instanceof KeySource.Discovery ? "discovery-uri" : "jwks-uri")
                        + ") is never contacted, so its keys are taken to carry `issuer` members and "
                        + "validity windows; `keyfence audit` checks that (KEY_WITHOUT_ISSUER_BINDING, KEY_WITHOUT_VALIDITY)"
                        + (i.requireKeyIssuer() ? "" : ", and require-key-issuer: true makes the member a guarantee"));
            } else if (!"none".equals(s.learnedFrom())) {
                notes.add("issuer " + i.name() + ": " + s.describe(rsaBits) + ", `issuer` member "
                        + (s.issuerMember() ? "yes" : "no") + ", validity window " + (s.windowed() ? "yes" : "no")
                        + " (learned from its " + s.learnedFrom() + ")");
            }
        }
        if (foreignIssuer == null) {
            notes.add(
                    "no issuer of another key scope is configured: the shadow's common endpoint serves a consumer key "
                            + "that no configured source names (as Entra ID's common endpoint does)");
        }

        Path dir;
        try {
            dir = Files.createTempDirectory("keyfence-drill");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the drill's temporary folder", e);
        }
        ShadowClock clock = new ShadowClock(now);
        ValidationPolicy.Builder b = ValidationPolicy.builder();
        int n = 0;
        for (TrustedIssuer i : issuers) {
            b.issuer(copy(i, KeySource.file(dir.resolve("source-" + n++ + ".json"))));
        }
        JwksSettings jwks = JwksSettings.builder()
                .refreshInterval(real.jwks().refreshInterval())
                .minRefetchInterval(real.jwks().minRefetchInterval())
                .maxStale(real.jwks().maxStale())
                .maxBytes(Math.max(real.jwks().maxBytes(), 1 << 20))
                .build();
        IssuerKeys target = Objects.requireNonNull(keys.get(targetIssuer.name()));
        ValidationPolicy shadowPolicy = b.resource(resource)
                .keys(withRevoked(real.keys(), target))
                .jwks(jwks)
                .clock(clock)
                .refreshExecutor(Runnable::run)
                .maxTokenBytes(real.maxTokenBytes())
                .verifiedTokenCache(0)
                .build();
        Optional<IssuerKeys> foreign = Optional.ofNullable(foreignIssuer).map(f -> keys.get(f.name()));
        Shadow shadow =
                new Shadow(clock, now, dir, shadowPolicy, keys, target, foreign, unlisted, unlistedExpired, notes);
        try {
            shadow.replayHistory();
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
        return shadow;
    }

    /** The issuer tokens are forged through: a {tenantid} issuer of an accepted scope, if there is one. */
    /** Every configured issuer has a shape. */
    private static KeyShape shapeOf(Map<String, KeyShape> shapes, TrustedIssuer i) {
        return Objects.requireNonNull(shapes.get(i.name()), "shape");
    }

    private static TrustedIssuer pickTarget(ValidationPolicy real, Map<String, KeyShape> shapes) {
        List<TrustedIssuer> accepted = real.issuers().stream()
                .filter(i -> real.resource().acceptedKeyScopes().contains(i.keyScope()))
                .filter(i -> !"none".equals(shapeOf(shapes, i).learnedFrom()))
                .toList();
        if (accepted.isEmpty()) {
            throw new dev.keyfence.ConfigurationException(
                    "resource.algorithms",
                    "the drill needs an issuer of an accepted key scope that signs with an asymmetric algorithm");
        }
        return accepted.stream().filter(TrustedIssuer::isTemplate).findFirst().orElse(accepted.get(0));
    }

    private static IssuerKeys keysOf(
            TrustedIssuer i,
            KeyShape shape,
            ValidationPolicy real,
            Instant now,
            int rsaBits,
            boolean target,
            List<String> notes,
            KeyBank bank) {
        String member = shape.issuerMember() ? i.issuer() : null;
        String alg = shape.alg();
        boolean w = shape.windowed();
        Duration back = real.keys()
                .maxAge()
                .map(a -> a.dividedBy(2))
                .filter(h -> h.compareTo(CURRENT_AGE) < 0)
                .orElse(CURRENT_AGE);
        String prefix = "drill-" + i.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        ShadowKey current = bank.key(
                prefix + "current",
                alg,
                rsaBits,
                member,
                w ? now.minus(back) : null,
                w ? now.plus(Duration.ofDays(365)) : null,
                null);
        ShadowKey expired;
        boolean known = true;
        if (w) {
            expired = bank.key(
                    prefix + "expired",
                    alg,
                    rsaBits,
                    member,
                    now.minus(Duration.ofDays(7 * 365)),
                    now.minus(Duration.ofDays(2 * 365)),
                    null);
        } else {
            Optional<String> declared = declaredExpiredKid(i, real.keys(), now);
            known = declared.isPresent();
            expired = bank.key(declared.orElse(prefix + "legacy"), alg, rsaBits, member, null, null, null);
            if (declared.isPresent()) {
                notes.add("issuer " + i.name() + ": its expired key " + declared.get() + " is known only by its "
                        + "declared window (keys.windows)");
            }
        }
        Optional<ShadowKey> retired = Optional.empty();
        Optional<ShadowKey> revoked = Optional.empty();
        Optional<ShadowKey> old = Optional.empty();
        if (target) {
            retired = Optional.of(bank.key(
                    prefix + "retired",
                    alg,
                    rsaBits,
                    member,
                    w ? now.minus(back) : null,
                    w ? now.plus(Duration.ofDays(365)) : null,
                    null));
            String revokedKid = real.keys().revoked().stream()
                    .filter(r -> r.kind() == KeyReference.Kind.KID)
                    .map(KeyReference::value)
                    .findFirst()
                    .orElse(prefix + "revoked");
            revoked = Optional.of(bank.key(
                    revokedKid,
                    alg,
                    rsaBits,
                    member,
                    w ? now.minus(back) : null,
                    w ? now.plus(Duration.ofDays(365)) : null,
                    null));
            Optional<Duration> maxAge = real.keys().maxAge();
            if (maxAge.isPresent()) {
                Instant born = now.minus(maxAge.get()).minus(Duration.ofDays(1));
                old = Optional.of(bank.key(
                        prefix + "too-old",
                        alg,
                        rsaBits,
                        member,
                        w ? born : null,
                        w ? now.plus(Duration.ofDays(365)) : null,
                        born));
            }
        }
        return new IssuerKeys(i, shape, current, expired, known, retired, revoked, old);
    }

    /** A kid of this issuer's local key set whose declared window ended before now. */
    private static Optional<String> declaredExpiredKid(TrustedIssuer i, KeyPolicy keys, Instant now) {
        String local = i.keySource() instanceof KeySource.JwksFile f
                ? read(f.path())
                : i.keySource() instanceof KeySource.Static s ? s.jwksJson() : null;
        for (DeclaredWindow dw : keys.windows()) {
            if (dw.key().kind() == KeyReference.Kind.KID
                    && dw.notAfter().isPresent()
                    && dw.notAfter().get().isBefore(now)
                    && local != null
                    && local.contains("\"" + dw.key().value() + "\"")) {
                return Optional.of(dw.key().value());
            }
        }
        return Optional.empty();
    }

    private static @Nullable String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The real key rules, plus a revocation of the target's revoked shadow key when the real rules revoke no kid. */
    private static KeyPolicy withRevoked(KeyPolicy real, IssuerKeys target) {
        KeyPolicy.Builder b = KeyPolicy.builder()
                .retiredGrace(real.retiredGrace())
                .minRsaBits(real.minRsaBits())
                .allowedCurves(real.allowedCurves());
        real.maxAge().ifPresent(b::maxAge);
        real.revoked().forEach(b::revoke);
        real.windows().forEach(b::window);
        target.revoked()
                .map(k -> KeyReference.kid(k.kid()))
                .filter(ref -> !real.revoked().contains(ref))
                .ifPresent(b::revoke);
        return b.build();
    }

    private static TrustedIssuer copy(TrustedIssuer i, KeySource source) {
        TrustedIssuer.Builder b = TrustedIssuer.builder()
                .name(i.name())
                .issuer(i.issuer())
                .keySource(source)
                .keyScope(i.keyScope())
                .requireKeyIssuer(i.requireKeyIssuer());
        if (i.isTemplate()) {
            b.tenants(i.tenants());
        }
        i.algorithms().ifPresent(b::algorithms);
        i.tenantPattern().map(Pattern::pattern).ifPresent(b::tenantPattern);
        return b.build();
    }

    /**
     * Publishes every shadow set with the target's retired key still in it, reads every source, then
     * removes the retired key and reads again, so that its retirement and grace lie in the past at now.
     */
    private void replayHistory() {
        Duration refresh = policy.jwks().refreshInterval();
        Duration grace = policy.keys().retiredGrace();
        Instant t1 = now.minus(grace).minusSeconds(1);
        Instant t0 = t1.minus(refresh).minusSeconds(1);
        writeAll(true);
        clock.set(t0);
        KeyRegistry r = new KeyRegistry(policy); // reads every source now, on this thread (its refresh executor)
        registry = r;
        for (KeySourceState s : r.sources()) {
            s.current();
        }
        writeAll(false);
        clock.set(t1);
        Objects.requireNonNull(r.source(target.issuer(), null), "a fixed source")
                .current();
        clock.set(now);
        for (KeySourceState s : r.sources()) {
            s.current();
        }
    }

    private void writeAll(boolean withRetired) {
        int n = 0;
        for (IssuerKeys k : keys.values()) {
            List<ShadowKey> set = new ArrayList<>(k.published());
            if (k == target) {
                if (withRetired) {
                    k.retired().ifPresent(set::add);
                }
                if (foreign.isPresent()) {
                    set.add(foreign.get().current());
                    set.add(foreign.get().expired());
                } else {
                    set.add(unlisted);
                    set.add(unlistedExpired);
                }
            }
            String json = JsonWriter.write(
                    Map.of("keys", set.stream().map(ShadowKey::jwk).toList()));
            try {
                Files.writeString(dir.resolve("source-" + n++ + ".json"), json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the drill's shadow key set", e);
            }
        }
    }

    ValidationPolicy policy() {
        return policy;
    }

    KeyRegistry registry() {
        return Objects.requireNonNull(registry, "the history is replayed first");
    }

    Instant now() {
        return now;
    }

    IssuerKeys target() {
        return target;
    }

    Optional<IssuerKeys> foreign() {
        return foreign;
    }
    /** The consumer key no configured source names (only when no issuer of another scope is configured). */
    @Nullable
    ShadowKey unlisted() {
        return unlisted;
    }
    /** Its expired twin (idem). */
    @Nullable
    ShadowKey unlistedExpired() {
        return unlistedExpired;
    }

    Map<String, IssuerKeys> keys() {
        return keys;
    }
    /** The folder holding the shadow's public key sets ({@code source-N.json}, one per issuer in policy order). */
    Path dir() {
        return dir;
    }

    List<String> notes() {
        return notes;
    }

    /** Number of ephemeral keys in the shadow. */
    int keyCount() {
        int n = foreign.isPresent() ? 0 : 2;
        for (IssuerKeys k : keys.values()) {
            n += k.published().size() + (k.retired().isPresent() ? 1 : 0);
        }
        return n;
    }

    @Override
    public void close() {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file holds public keys of a finished drill only
        }
    }
}
