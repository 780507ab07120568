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
 * {@code keyfence.key.source.events} (tags source, event; the source's issuer for per-tenant sources). Tag values are configured names and
 * reason codes only, never untrusted token content: an issuer no configuration names is
 * {@code untrusted}.
 */
public final class MicrometerListeners {
    /** Counter of validated tokens. */
    public static final String TOKENS = "keyfence.tokens";
    /** Counter of key-source events. */
    public static final String SOURCE_EVENTS = "keyfence.key.source.events";

    private MicrometerListeners() {}

    /** Counts verdicts in the registry {@code meters} gives, when there is one. */
    public static KeyfenceVerdictListener verdicts(Meters meters, Supplier<ValidationPolicy> policy) {
        return (resource, verdict) -> meters.use(r -> {
            String outcome = verdict.valid() ? "accepted" : "rejected";
            String reason = verdict instanceof Verdict.Rejected no ? no.reason().name() : "none";
            String issuer = verdict instanceof Verdict.Accepted ok
                    ? ok.token().issuerName()
                    : verdict.issuer()
                            .flatMap(iss -> configuredName(policy.get().issuers(), iss))
                            .orElse("untrusted");
            r.counter(TOKENS, "outcome", outcome, "reason", reason, "issuer", issuer, "resource", resource)
                    .increment();
        });
    }

    /**
     * Counts key-source events, tagged with the source's issuer: a per-tenant source
     * ({@code issuer/tenant}) counts under its issuer, so the number of meters stays bounded by
     * configuration however many tenants callers name.
     */
    public static KeySourceListener keySources(Meters meters) {
        return new KeySourceListener() {
            private void count(String source, String event) {
                meters.use(r -> r.counter(SOURCE_EVENTS, "source", issuerOf(source), "event", event)
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

    private static Optional<String> configuredName(List<TrustedIssuer> issuers, String iss) {
        return issuers.stream()
                .filter(i -> i.isTemplate()
                        ? i.tenantOf(iss).isPresent()
                        : i.issuer().equals(iss))
                .map(TrustedIssuer::name)
                .findFirst();
    }
}
