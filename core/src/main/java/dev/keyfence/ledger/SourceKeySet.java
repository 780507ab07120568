package dev.keyfence.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A source's last good key set: the JWK set's JSON text exactly as read, and when it was read.
 * After a restart it serves as the source's last-known-good set (within {@code max-stale}). It
 * holds public keys only and is never printed or logged.
 *
 * @param source the source's name (stable across restarts, the same on every instance)
 * @param json the JWK set's JSON text
 * @param readAt when the set was read
 */
public record SourceKeySet(String source, String json, Instant readAt) {
    /** Orders sets of one source: the later read wins; at the same instant the text decides, so that every instance agrees. */
    private static final Comparator<SourceKeySet> ORDER =
            Comparator.comparing(SourceKeySet::readAt).thenComparing(SourceKeySet::json);

    public SourceKeySet {
        source = LedgerText.require(source, "source");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(readAt, "readAt");
    }

    /** The newer of two sets of the same source. Commutative, associative and idempotent. */
    public SourceKeySet merge(SourceKeySet other) {
        if (!source.equals(other.source)) {
            throw new IllegalArgumentException("sets of two different sources");
        }
        return ORDER.compare(this, other) >= 0 ? this : other;
    }

    @Override
    public String toString() {
        return "SourceKeySet[source=" + source + ", readAt=" + readAt + ", " + json.length() + " chars]";
    }
}
