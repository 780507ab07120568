package dev.keyfence.internal;

import dev.keyfence.KeySource;
import dev.keyfence.KeyState;
import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.checks.KeyStrengthCheck;
import dev.keyfence.internal.keys.KeyKnowledge;
import dev.keyfence.internal.keys.KeyLife;
import dev.keyfence.internal.keys.KeyRegistry;
import dev.keyfence.internal.keys.KeyRing;
import dev.keyfence.internal.keys.KeySourceState;
import dev.keyfence.internal.keys.TrackedKey;
import dev.keyfence.internal.time.Instants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads every source of a registry into statuses for audit and health reporting. */
public final class PostureReader {
    private PostureReader() {}

    /**
     * Every source's status, reading fixed sources that were not read yet (or are due); a
     * per-tenant source is reported as it is, never fetched from here.
     */
    public static List<SourceStatus> sourceStatuses(KeyRegistry registry) {
        List<SourceStatus> out = new ArrayList<>();
        List<KeySourceState> sources = registry.sources();
        for (KeySourceState source : sources) {
            if (registry.isFixed(source)) {
                source.awaitFirstAnswer(); // every source's first read before any status: a key's scopes come from
                // all of them
            }
        }
        for (KeySourceState source : sources) {
            TrustedIssuer issuer = registry.issuerOf(source);
            // fixed sources are read (or refreshed) here when due; per-tenant ones only for their own tenant's tokens
            KeyRing usable = registry.isFixed(source)
                    ? source.currentUnreported()
                    : source.hasGoodSet() ? source.cached() : null;
            KeyRing cached = source.cached();
            Instant now = registry.policy().clock().instant(); // after the read: no key is seen after "now"
            SourceStatus.Health health = usable == null
                    ? SourceStatus.Health.DOWN
                    : source.lastProblem() != null ? SourceStatus.Health.STALE : SourceStatus.Health.UP;
            List<KeyStatus> keys = new ArrayList<>();
            if (cached != null) {
                for (TrackedKey k : cached.keys()) {
                    keys.add(status(registry, issuer, source, k, now, true));
                }
                for (KeyRing.Retired gone : cached.retired().values()) {
                    keys.add(status(registry, issuer, source, gone.key(), now, false));
                }
            }
            out.add(new SourceStatus(
                    issuer.name(),
                    source.label(),
                    location(issuer, source),
                    health,
                    Optional.ofNullable(cached == null ? null : cached.fetchedAt()),
                    Optional.ofNullable(source.lastProblem()),
                    keys));
        }
        return out;
    }

    /** Where the source reads from: for a per-tenant jwks-uri, the URL with its tenant filled in. */
    private static String location(TrustedIssuer issuer, KeySourceState source) {
        String prefix = issuer.name() + "/";
        if (issuer.keySource() instanceof KeySource.JwksUri u
                && u.perTenant()
                && source.label().startsWith(prefix)) {
            return dev.keyfence.internal.text.RedactedUrl.of(u.uri()
                    .replace(TrustedIssuer.TENANT_PLACEHOLDER, source.label().substring(prefix.length())));
        }
        return issuer.keySource().describe();
    }

    /** Every key of every source. */
    public static List<KeyStatus> keyStatuses(KeyRegistry registry) {
        List<KeyStatus> all = new ArrayList<>();
        for (SourceStatus s : sourceStatuses(registry)) {
            all.addAll(s.keys());
        }
        return all;
    }

    private static KeyStatus status(
            KeyRegistry registry,
            TrustedIssuer issuer,
            KeySourceState source,
            TrackedKey key,
            Instant now,
            boolean published) {
        KeyKnowledge known = registry.known().get(key.thumbprint());
        if (known == null) { // a ring's keys are learned before the ring is published; never null in practice
            known = KeyKnowledge.first(key.thumbprint(), now)
                    .published(source.label(), issuer.name(), issuer.keyScope(), List.of(key));
        }
        KeyLife life = registry.life(known);
        java.util.Set<String> scopes = new java.util.TreeSet<>(known.scopes());
        scopes.add(issuer.keyScope());
        Instant retiredAt = registry.retiredAt(known, source);
        String revoked = registry.revocation(known);
        String weakness = KeyStrengthCheck.weakness(key, registry.policy().keys());
        // never negative: with --now before a key's first sighting (forensics), its age is zero
        Duration age = Instants.nonNegative(Duration.between(life.ageStart(), now));
        Optional<Duration> maxAge = registry.policy().keys().maxAge();
        KeyState state;
        if (revoked != null) {
            state = KeyState.REVOKED;
        } else if (life.notAfter() != null && now.isAfter(life.notAfter())) {
            state = KeyState.EXPIRED;
        } else if (life.notBefore() != null && now.isBefore(life.notBefore())) {
            state = KeyState.NOT_YET_VALID;
        } else if (retiredAt != null
                && !now.isBefore(
                        Instants.plus(retiredAt, registry.policy().keys().retiredGrace()))) {
            state = KeyState.RETIRED;
        } else if (maxAge.isPresent() && age.compareTo(maxAge.get()) > 0) {
            state = KeyState.TOO_OLD;
        } else if (weakness != null) {
            state = KeyState.TOO_WEAK;
        } else {
            state = KeyState.ACTIVE;
        }
        // the problem names the revocation, else the weakness (whatever the state): posture reads it from here
        String problem = revoked != null ? revoked : weakness;
        return new KeyStatus(
                issuer.name(),
                source.label(),
                Optional.ofNullable(key.kid()),
                key.keyType(),
                key.sizeBits(),
                Optional.ofNullable(key.curve()),
                key.thumbprint(),
                Optional.ofNullable(life.notBefore()),
                Optional.ofNullable(life.notAfter()),
                life.sources(),
                Optional.of(age),
                Optional.of(life.ageSource()),
                Optional.ofNullable(key.keyIssuer()),
                scopes,
                known.firstSeen(),
                Optional.ofNullable(retiredAt),
                state,
                Optional.ofNullable(problem),
                published && retiredAt != null);
    }
}
