package dev.keyfence.spring.internal;

import dev.keyfence.KeySource;
import dev.keyfence.KeyState;
import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of every key source, computed once per probe from one snapshot of
 * {@code sourceStatuses()}: each shared source in full (UP when fresh; UNKNOWN with
 * {@code keyfence=STALE} while last-known-good keys serve; DOWN when no usable keys remain; keys
 * expiring within 30 days named), and each issuer with per-tenant sources summarised in counts,
 * so that a probe costs one pass over the sources however many tenants callers have named.
 *
 * <p>Overall: DOWN when a shared source is DOWN, or every source of a per-tenant issuer is (a
 * failing tenant that some caller named does not take the instance out of service); else UP when
 * any source is UP; else UNKNOWN.
 */
public final class KeySourceHealth implements HealthIndicator {
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private final Supplier<List<SourceStatus>> snapshot;
    private final Supplier<ValidationPolicy> policy;

    /** Health over the snapshots {@code snapshot} gives, one per probe. */
    public KeySourceHealth(Supplier<List<SourceStatus>> snapshot, Supplier<ValidationPolicy> policy) {
        this.snapshot = snapshot;
        this.policy = policy;
    }

    @Override
    public Health health() {
        List<SourceStatus> sources = snapshot.get();
        ValidationPolicy p = policy.get();
        Set<String> perTenant = p.issuers().stream()
                .filter(KeySourceHealth::hasTenantSources)
                .map(TrustedIssuer::name)
                .collect(Collectors.toSet());
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        boolean down = false;
        boolean up = false;
        for (SourceStatus s : sources) {
            if (perTenant.contains(s.issuerName())) {
                counts.computeIfAbsent(
                                s.issuerName(), n -> new LinkedHashMap<>(Map.of("UP", 0L, "STALE", 0L, "DOWN", 0L)))
                        .merge(s.health().name(), 1L, Long::sum);
                continue;
            }
            Health h = health(s, p.clock());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", h.getStatus().getCode());
            one.put("details", h.getDetails());
            details.put(name(s.source()), one);
            down |= s.health() == SourceStatus.Health.DOWN;
            up |= s.health() == SourceStatus.Health.UP;
        }
        for (String issuer : perTenant) {
            Map<String, Long> c = counts.getOrDefault(issuer, Map.of("UP", 0L, "STALE", 0L, "DOWN", 0L));
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("tenantSources", total);
            summary.put("up", c.get("UP"));
            summary.put("stale", c.get("STALE"));
            summary.put("down", c.get("DOWN"));
            details.put(issuer, summary);
            down |= total > 0 && c.getOrDefault("DOWN", 0L) == total;
            up |= c.getOrDefault("UP", 0L) > 0;
        }
        Status status = down ? Status.DOWN : up ? Status.UP : Status.UNKNOWN;
        return Health.status(status).withDetails(details).build();
    }

    private static boolean hasTenantSources(TrustedIssuer issuer) {
        return issuer.keySource() instanceof KeySource.JwksUri u && u.perTenant();
    }

    private static String name(String source) {
        return source.replace('/', ':');
    }

    /** The health of one source now. */
    static Health health(SourceStatus source, Clock clock) {
        Status status = switch (source.health()) {
            case UP -> Status.UP;
            case STALE -> Status.UNKNOWN;
            case DOWN -> Status.DOWN;
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyfence", source.health().name());
        details.put("issuer", source.issuerName());
        details.put("location", source.location());
        source.fetchedAt().ifPresent(t -> details.put("fetchedAt", t.toString()));
        source.problem().ifPresent(pr -> details.put("problem", pr));
        details.put(
                "keys",
                source.keys().stream().filter(k -> k.retiredAt().isEmpty()).count());
        Instant soon = clock.instant().plus(EXPIRY_WARNING);
        List<Map<String, Object>> expiring = source.keys().stream()
                .filter(k -> k.state() == KeyState.ACTIVE && k.retiredAt().isEmpty())
                .filter(k -> k.notAfter().map(na -> na.isBefore(soon)).orElse(false))
                .map(KeySourceHealth::expiring)
                .toList();
        if (!expiring.isEmpty()) {
            details.put("keysExpiringSoon", expiring);
        }
        return Health.status(status).withDetails(details).build();
    }

    private static Map<String, Object> expiring(KeyStatus key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kid", key.kid().orElse(null));
        m.put("notAfter", key.notAfter().map(Instant::toString).orElse(null));
        return m;
    }
}
