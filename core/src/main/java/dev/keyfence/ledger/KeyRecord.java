package dev.keyfence.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger knows of one key material, named by its RFC 7638 SHA-256 thumbprint: the kids
 * it was published under, who published it with which scope, when it was first and last seen,
 * when it was removed from a set, the windows its entries declared, and every revocation and
 * reinstatement by an operator.
 *
 * <p>Records form a join-semilattice: {@link #merge} is commutative, associative and idempotent,
 * so instances can exchange records in any order, any number of times, and agree. Nothing is
 * ever forgotten by merging: scopes are the union of all ever seen (a consumer taint is never
 * lost), first seen is the earliest sighting anywhere, and a revocation holds until a later
 * reinstatement.
 *
 * <pre>{@code
 * KeyRecord seen = KeyRecord.of(jkt).seen("ent-2024", new KeyRecord.Publisher("contoso", iss, "enterprise"), now);
 * KeyRecord revoked = KeyRecord.of(jkt).revoked(new KeyRecord.Action("alice", "key leaked", now));
 * boolean isRevoked = seen.merge(revoked).revoked();   // true
 * }</pre>
 *
 * @param thumbprint RFC 7638 SHA-256 thumbprint, base64url without padding
 * @param kids every {@code kid} the key was published under
 * @param publishers every source that published it, with the source's issuer and key scope
 * @param firstSeen the earliest sighting, empty for a key only ever named by an operator
 * @param lastSeen the latest sighting
 * @param removals every instant at which a source was seen to no longer publish the key
 * @param windows every validity window an entry of the key declared
 * @param revocations every revocation by an operator
 * @param reinstatements every reinstatement by an operator
 */
public record KeyRecord(
        String thumbprint,
        Set<String> kids,
        Set<Publisher> publishers,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen,
        Set<Instant> removals,
        Set<Window> windows,
        Set<Action> revocations,
        Set<Action> reinstatements) {

    /** Longest thumbprint accepted (an RFC 7638 SHA-256 thumbprint has 43 characters). */
    public static final int MAX_THUMBPRINT_LENGTH = 128;

    public KeyRecord {
        thumbprint = checkThumbprint(thumbprint);
        kids = Set.copyOf(kids);
        publishers = Set.copyOf(publishers);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (firstSeen.isPresent() != lastSeen.isPresent()) {
            throw new IllegalArgumentException("firstSeen and lastSeen are both present or both absent");
        }
        if (firstSeen.isPresent() && lastSeen.get().isBefore(firstSeen.get())) {
            throw new IllegalArgumentException("lastSeen is before firstSeen");
        }
        removals = Set.copyOf(removals);
        windows = Set.copyOf(windows);
        revocations = Set.copyOf(revocations);
        reinstatements = Set.copyOf(reinstatements);
        for (String kid : kids) {
            if (kid.isEmpty()) {
                throw new IllegalArgumentException("an empty kid");
            }
        }
    }

    /** A record that knows nothing yet of the key with this thumbprint. */
    public static KeyRecord of(String thumbprint) {
        return new KeyRecord(
                thumbprint,
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of());
    }

    /** This record plus one sighting: published under {@code kid} by {@code publisher} at {@code at}. */
    public KeyRecord seen(String kid, Publisher publisher, Instant at) {
        return merge(sighting(Set.of(kid), publisher, at));
    }

    /** This record plus one sighting under no {@code kid}: published by {@code publisher} at {@code at}. */
    public KeyRecord seen(Publisher publisher, Instant at) {
        return merge(sighting(Set.of(), publisher, at));
    }

    private KeyRecord sighting(Set<String> kids, Publisher publisher, Instant at) {
        Objects.requireNonNull(at, "at");
        return new KeyRecord(
                thumbprint,
                kids,
                Set.of(publisher),
                Optional.of(at),
                Optional.of(at),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of());
    }

    /** This record plus the observation that a source stopped publishing the key at {@code at}. */
    public KeyRecord removed(Instant at) {
        return plus(Set.of(Objects.requireNonNull(at, "at")), Set.of(), Set.of(), Set.of());
    }

    /** This record plus a window that one of the key's entries declared. */
    public KeyRecord window(Window window) {
        return plus(Set.of(), Set.of(window), Set.of(), Set.of());
    }

    /** This record plus an operator's revocation. */
    public KeyRecord revoked(Action revocation) {
        return plus(Set.of(), Set.of(), Set.of(revocation), Set.of());
    }

    /** This record plus an operator's reinstatement (ends earlier revocations and retirement). */
    public KeyRecord reinstated(Action reinstatement) {
        return plus(Set.of(), Set.of(), Set.of(), Set.of(reinstatement));
    }

    /** This record merged with one of the same key that knows only the given facts. */
    private KeyRecord plus(
            Set<Instant> removals, Set<Window> windows, Set<Action> revocations, Set<Action> reinstatements) {
        return merge(new KeyRecord(
                thumbprint,
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                removals,
                windows,
                revocations,
                reinstatements));
    }

    /**
     * Everything both records know of the same key: unions of every set, the earliest first
     * sighting and the latest last sighting. Commutative, associative and idempotent.
     *
     * @throws IllegalArgumentException when the thumbprints differ
     */
    public KeyRecord merge(KeyRecord other) {
        if (!thumbprint.equals(other.thumbprint)) {
            throw new IllegalArgumentException("records of two different keys");
        }
        return new KeyRecord(
                thumbprint,
                union(kids, other.kids),
                union(publishers, other.publishers),
                earliest(firstSeen, other.firstSeen),
                latest(lastSeen, other.lastSeen),
                union(removals, other.removals),
                union(windows, other.windows),
                union(revocations, other.revocations),
                union(reinstatements, other.reinstatements));
    }

    /** Every key scope any source published the key with. */
    public Set<String> scopes() {
        Set<String> out = new HashSet<>();
        for (Publisher p : publishers) {
            out.add(p.scope());
        }
        return Set.copyOf(out);
    }

    /** The latest reinstatement, if any. */
    public Optional<Action> latestReinstatement() {
        return reinstatements.stream().max(Action.ORDER);
    }

    /** The latest revocation, if any. */
    public Optional<Action> latestRevocation() {
        return revocations.stream().max(Action.ORDER);
    }

    /**
     * True when the key is revoked: some revocation is not older than the latest reinstatement
     * (at the same instant the revocation wins).
     */
    public boolean revoked() {
        Optional<Action> revocation = latestRevocation();
        Optional<Action> reinstatement = latestReinstatement();
        return revocation.isPresent()
                && (reinstatement.isEmpty()
                        || !revocation.get().at().isBefore(reinstatement.get().at()));
    }

    /**
     * When the key was retired: the earliest removal after the latest reinstatement. A key removed
     * and published again stays retired until an operator reinstates it.
     */
    public Optional<Instant> removedAt() {
        Optional<Instant> since = latestReinstatement().map(Action::at);
        return removals.stream()
                .filter(r -> since.isEmpty() || r.isAfter(since.get()))
                .min(Comparator.naturalOrder());
    }

    private static String checkThumbprint(String jkt) {
        Objects.requireNonNull(jkt, "thumbprint");
        if (jkt.isEmpty() || jkt.length() > MAX_THUMBPRINT_LENGTH) {
            throw new IllegalArgumentException("a thumbprint has 1 to " + MAX_THUMBPRINT_LENGTH + " characters");
        }
        for (int i = 0; i < jkt.length(); i++) {
            char c = jkt.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("a thumbprint is base64url without padding");
            }
        }
        return jkt;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<T> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    /**
     * A source that published the key: the source's name, the issuer it serves and the key scope
     * it gives every key.
     */
    public record Publisher(String source, String issuer, String scope) {
        public Publisher {
            source = LedgerText.require(source, "source");
            issuer = LedgerText.require(issuer, "issuer");
            scope = LedgerText.require(scope, "scope");
        }
    }

    /** A validity window one entry of the key declared; an absent bound is open. */
    public record Window(Optional<Instant> notBefore, Optional<Instant> notAfter) {
        public Window {
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(notAfter, "notAfter");
            if (notBefore.isPresent() && notAfter.isPresent() && notAfter.get().isBefore(notBefore.get())) {
                throw new IllegalArgumentException("notAfter is before notBefore");
            }
        }
    }

    /** An operator's decision on a key: who, why, when. */
    public record Action(String actor, String reason, Instant at) {
        /** Orders actions by time, then actor, then reason, so that "the latest" is one action everywhere. */
        public static final Comparator<Action> ORDER =
                Comparator.comparing(Action::at).thenComparing(Action::actor).thenComparing(Action::reason);

        public Action {
            actor = LedgerText.require(actor, "actor");
            reason = LedgerText.require(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
