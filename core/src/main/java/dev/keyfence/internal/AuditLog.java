package dev.keyfence.internal;

import dev.keyfence.Reason;
import dev.keyfence.Verdict;
import dev.keyfence.internal.text.Safe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of one validator, on {@code dev.keyfence.audit}: one INFO line per rejected token,
 * at most {@code audit-lines-per-second} a second, so a flood of bad tokens cannot flood the log
 * (or slow the service by writing it). Rejections over the bound are counted by reason; the first
 * rejection after that second writes one WARN line with the counts. Thread-safe.
 */
final class AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("dev.keyfence.audit");
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final int perSecond;
    private final Clock clock;
    private @Nullable Instant windowStart; // guarded by this
    private int written; // guarded by this
    private final Map<Reason, Integer> suppressed = new EnumMap<>(Reason.class); // guarded by this

    AuditLog(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** True when the audit logger writes accepted tokens (DEBUG). */
    static boolean acceptedEnabled() {
        return AUDIT.isDebugEnabled();
    }

    /** Writes one accepted token's line at DEBUG (not counted against the bound). */
    static void accepted(Verdict.Accepted accepted, String resource) {
        AUDIT.debug(
                "token {} accepted: iss={} tid={} kid={} scope={} resource={}",
                accepted.fingerprint(),
                accepted.token().issuer(),
                accepted.token().tenant().orElse("-"),
                accepted.token().kid().orElse("-"),
                accepted.token().keyScope(),
                resource);
    }

    /** Writes the rejection's line unless this second's bound is reached, then counts it instead. */
    void rejected(Verdict.Rejected r, String resource) {
        if (!AUDIT.isInfoEnabled()) {
            return;
        }
        String summary = null;
        boolean write;
        synchronized (this) {
            Instant now = clock.instant();
            Instant start = windowStart;
            if (start == null || now.isBefore(start) || !now.isBefore(start.plus(WINDOW))) {
                summary = summaryAndReset(start, now);
                windowStart = now;
                written = 0;
            }
            write = written < perSecond;
            if (write) {
                written++;
            } else {
                suppressed.merge(r.reason(), 1, Integer::sum);
            }
        }
        if (summary != null) {
            AUDIT.warn(summary);
        }
        if (write) {
            AUDIT.info(
                    "token {} rejected: {} iss={} tid={} kid={} resource={}: {}",
                    r.fingerprint(),
                    r.reason(),
                    r.issuer().map(Safe::text).orElse("-"),
                    r.tenant().map(Safe::text).orElse("-"),
                    r.kid().map(Safe::text).orElse("-"),
                    resource,
                    r.detail());
        }
    }

    /** The line for the rejections left out since {@code start}, or null when none were; clears them. */
    private @Nullable String summaryAndReset(@Nullable Instant start, Instant now) {
        if (suppressed.isEmpty()) {
            return null;
        }
        int total = suppressed.values().stream().mapToInt(Integer::intValue).sum();
        String counts = suppressed.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        suppressed.clear();
        return total + " more rejected tokens not logged between " + start + " and " + now
                + " (over audit-lines-per-second " + perSecond + "): " + counts;
    }
}
