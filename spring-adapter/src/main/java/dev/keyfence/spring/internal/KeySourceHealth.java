package dev.keyfence.spring.internal;

import dev.keyfence.KeyState;
import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import dev.keyfence.TokenValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One health indicator per key source, named after the source ({@code /} becomes {@code :}).
 * UP when keys are fresh; UNKNOWN with {@code keyfence=STALE} while last-known-good keys serve
 * after failed fetches (tokens still validate, so the instance is not taken out of service);
 * DOWN when no usable keys remain. Details name keys that expire within 30 days.
 */
public final class KeySourceHealth implements CompositeHealthContributor {
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private final TokenValidator validator;

    public KeySourceHealth(TokenValidator validator) {
        this.validator = validator;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return find(validator.sourceStatuses(), name).<HealthContributor>map(s -> indicator(s.source())).orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return validator.sourceStatuses().stream().map(s -> new Entry(name(s.source()), indicator(s.source())));
    }

    private HealthIndicator indicator(String source) {
        return () -> validator.sourceStatuses().stream().filter(s -> s.source().equals(source)).findFirst()
                .map(s -> health(s, validator.policy().clock()))
                .orElse(Health.unknown().withDetail("problem", "no such key source").build());
    }

    private static Optional<SourceStatus> find(List<SourceStatus> all, String name) {
        return all.stream().filter(s -> name(s.source()).equals(name)).findFirst();
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
        source.problem().ifPresent(p -> details.put("problem", p));
        details.put("keys", source.keys().stream().filter(k -> k.retiredAt().isEmpty()).count());
        Instant soon = clock.instant().plus(EXPIRY_WARNING);
        List<Map<String, Object>> expiring = source.keys().stream()
                .filter(k -> k.state() == KeyState.ACTIVE && k.retiredAt().isEmpty())
                .filter(k -> k.notAfter().map(na -> na.isBefore(soon)).orElse(false))
                .map(KeySourceHealth::expiring).toList();
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
