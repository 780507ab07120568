package dev.keyfence.spring.internal;

import dev.keyfence.KeySourceListener;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.spring.KeyfenceVerdictListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Micrometer counters: {@code keyfence.tokens} (tags outcome, reason, issuer, resource) and
 * {@code keyfence.key.source.events} (tags source, event; the source's issuer for per-tenant
 * sources), both with a {@code tenant} tag when {@code keyfence.metrics.tenant-tags} is on. Tag
 * values are configured names and reason codes only, never untrusted token content: an issuer no
 * configuration names is {@code untrusted}, a tenant no {@code tenants:} list names is {@code other}.
 */
public final class MicrometerListeners {
    /** Counter of validated tokens. */
    public static final String TOKENS = "keyfence.tokens";
    /** Counter of key-source events. */
    public static final String SOURCE_EVENTS = "keyfence.key.source.events";

    private MicrometerListeners() {}

    /** Counts verdicts in the registry {@code meters} gives, when there is one; no tenant tag. */
    public static KeyfenceVerdictListener verdicts(Meters meters, Supplier<ValidationPolicy> policy) {
        return verdicts(meters, policy, false);
    }

    /**
     * Counts verdicts in the registry {@code meters} gives, when there is one. With
     * {@code tenantTags}, each count also carries a {@code tenant} tag: a tenant the issuer's
     * {@code tenants:} list names, else {@code other} (or {@code none} without a tenant), so the
     * number of meters stays bounded by configuration whatever tenants callers send.
     */
    public static KeyfenceVerdictListener verdicts(
            Meters meters, Supplier<ValidationPolicy> policy, boolean tenantTags) {
        return (resource, verdict) -> meters.use(r -> {
            String outcome = verdict.valid() ? "accepted" : "rejected";
            String reason = verdict instanceof Verdict.Rejected no ? no.reason().name() : "none";
            List<TrustedIssuer> issuers = policy.get().issuers();
            Optional<TrustedIssuer> trusted = verdict instanceof Verdict.Accepted ok
                    ? byName(issuers, ok.token().issuerName())
                    : verdict.issuer().flatMap(iss -> configured(issuers, iss));
            String issuer = verdict instanceof Verdict.Accepted ok
                    ? ok.token().issuerName()
                    : trusted.map(TrustedIssuer::name).orElse("untrusted");
            if (!tenantTags) {
                r.counter(TOKENS, "outcome", outcome, "reason", reason, "issuer", issuer, "resource", resource)
                        .increment();
                return;
            }
            Optional<String> tenant = verdict.tenant()
                    .or(() -> trusted.flatMap(t -> verdict.issuer().flatMap(t::tenantOf)));
            r.counter(
                            TOKENS,
                            "outcome",
                            outcome,
                            "reason",
                            reason,
                            "issuer",
                            issuer,
                            "resource",
                            resource,
                            "tenant",
                            tenantTag(trusted, tenant))
                    .increment();
        });
    }

    /**
     * Counts key-source events, tagged with the source's issuer: a per-tenant source
     * ({@code issuer/tenant}) counts under its issuer, so the number of meters stays bounded by
     * configuration however many tenants callers name. No tenant tag.
     */
    public static KeySourceListener keySources(Meters meters) {
        return keySources(meters, List::of, false);
    }

    /**
     * Counts key-source events as {@link #keySources(Meters)} does; with {@code tenantTags}, each
     * count also carries a {@code tenant} tag: for a per-tenant source, its tenant when the
     * issuer's {@code tenants:} list names it, else {@code other}; {@code none} for a shared source.
     */
    public static KeySourceListener keySources(
            Meters meters, Supplier<List<TrustedIssuer>> issuers, boolean tenantTags) {
        return new KeySourceListener() {
            private void count(String source, String event) {
                String issuer = issuerOf(source);
                if (!tenantTags) {
                    meters.use(r -> r.counter(SOURCE_EVENTS, "source", issuer, "event", event)
                            .increment());
                    return;
                }
                Optional<String> tenant =
                        issuer.equals(source) ? Optional.empty() : Optional.of(source.substring(issuer.length() + 1));
                String tag = tenantTag(byName(issuers.get(), issuer), tenant);
                meters.use(r -> r.counter(SOURCE_EVENTS, "source", issuer, "event", event, "tenant", tag)
                        .increment());
            }

            @Override
            public void fetched(String source, int keys) {
                count(source, "fetched");
            }

            @Override
            public void fetchFailed(String source, String problem) {
                count(source, "fetch_failed");
            }

            @Override
            public void staleServed(String source, Duration age) {
                count(source, "stale_served");
            }

            @Override
            public void kidMissRefetch(String source) {
                count(source, "kid_miss_refetch");
            }

            @Override
            public void refetchRateLimited(String source) {
                count(source, "refetch_rate_limited");
            }

            @Override
            public void keyAdded(String source, String kid) {
                count(source, "key_added");
            }

            @Override
            public void keyRetired(String source, String kid) {
                count(source, "key_retired");
            }

            @Override
            public void keyRejected(String source, String kid, String problem) {
                count(source, "key_rejected");
            }
        };
    }

    /** Where counts go: {@code use} runs a count on the application's registry, if it has one. */
    @FunctionalInterface
    public interface Meters {
        void use(Consumer<MeterRegistry> count);
    }

    /** The issuer part of a source label: {@code name} for {@code name/tenant}, the label itself otherwise. */
    static String issuerOf(String source) {
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(0, slash);
    }

    /**
     * The {@code tenant} tag: the tenant when the issuer's {@code tenants:} list names it
     * ({@code *} names none), {@code other} for any other tenant, {@code none} without one.
     */
    static String tenantTag(Optional<TrustedIssuer> issuer, Optional<String> tenant) {
        if (tenant.isEmpty()) {
            return "none";
        }
        String t = tenant.get();
        return !"*".equals(t) && issuer.map(i -> i.tenants().contains(t)).orElse(false) ? t : "other";
    }

    private static Optional<TrustedIssuer> byName(List<TrustedIssuer> issuers, String name) {
        return issuers.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private static Optional<TrustedIssuer> configured(List<TrustedIssuer> issuers, String iss) {
        return issuers.stream()
                .filter(i -> i.isTemplate()
                        ? i.tenantOf(iss).isPresent()
                        : i.issuer().equals(iss))
                .findFirst();
    }
}
