package dev.keyfence.internal.keys;

import dev.keyfence.DeclaredWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one key material (one RFC 7638 thumbprint), across every source that
 * publishes or published it: its entries (each kid with its certificate and JWK dates), every key
 * scope and issuer that published it, when it was first seen and when sources stopped publishing
 * it. Immutable: a publication or a merge gives a new snapshot. Knowledge only grows: scopes,
 * issuers and entries are never forgotten, so a failed fetch cannot make a consumer key look
 * like an enterprise key, and windows of several entries intersect whatever their order.
 */
public final class KeyKnowledge {
    private final String thumbprint;
    /** Entries by source and kid: a source restating a kid replaces its own earlier statement of it. */
    private final Map<String, TrackedKey> entries;

    private final Set<String> scopes;
    private final Set<String> issuers;
    private final Instant firstSeen;
    private final Map<String, Instant> removedAt;
    private volatile @Nullable KeyLife life;
    /** The first entry with the JWK {@code revoked} member, found once: the entries never change. */
    private final @Nullable TrackedKey revokedEntry;

    private KeyKnowledge(
            String thumbprint,
            Map<String, TrackedKey> entries,
            Set<String> scopes,
            Set<String> issuers,
            Instant firstSeen,
            Map<String, Instant> removedAt) {
        this.thumbprint = Objects.requireNonNull(thumbprint, "thumbprint");
        this.entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        this.scopes = Set.copyOf(scopes);
        this.issuers = Set.copyOf(issuers);
        this.firstSeen = Objects.requireNonNull(firstSeen, "firstSeen");
        this.removedAt = Map.copyOf(removedAt);
        this.revokedEntry = this.entries.values().stream()
                .filter(TrackedKey::revokedMember)
                .findFirst()
                .orElse(null);
    }

    /** A key first learned now, with nothing else known yet. */
    public static KeyKnowledge first(String thumbprint, Instant now) {
        return new KeyKnowledge(thumbprint, Map.of(), Set.of(), Set.of(), now, Map.of());
    }

    /**
     * A key as a ledger remembers it: the scopes and issuers that published it and its first
     * sighting anywhere, without entries (the key's sources publish those again).
     */
    public static KeyKnowledge remembered(
            String thumbprint, Set<String> scopes, Set<String> issuers, Instant firstSeen) {
        return new KeyKnowledge(thumbprint, Map.of(), scopes, issuers, firstSeen, Map.of());
    }

    /**
     * This knowledge after {@code source} (of {@code issuerName}, scope {@code scope}) published
     * the key: as the usable {@code published} entries, or (when the list is empty) as a key it left
     * out. The scope and issuer are learned either way. Entries accumulate: the source's statement
     * of a kid replaces its earlier statement of that kid; entries under other kids stay.
     */
    public KeyKnowledge published(String source, String issuerName, String scope, List<TrackedKey> published) {
        Map<String, TrackedKey> all = new java.util.LinkedHashMap<>(entries);
        for (TrackedKey k : published) {
            if (!thumbprint.equals(k.thumbprint())) {
                throw new IllegalArgumentException("entry of another key material");
            }
            all.put(source + '\u0000' + (k.kid() == null ? "" : "kid:" + k.kid()), k);
        }
        Map<String, Instant> removed = new HashMap<>(removedAt);
        removed.remove(source);
        return new KeyKnowledge(thumbprint, all, plus(scopes, scope), plus(issuers, issuerName), firstSeen, removed);
    }

    /** This knowledge after {@code source} stopped publishing the key at {@code at}. */
    public KeyKnowledge removedFrom(String source, Instant at) {
        if (removedAt.containsKey(source)) {
            return this;
        }
        Map<String, Instant> removed = new HashMap<>(removedAt);
        removed.put(source, at);
        return new KeyKnowledge(thumbprint, entries, scopes, issuers, firstSeen, removed);
    }

    /**
     * This knowledge merged with what another instance (or a ledger) knows of the same key: the
     * union of entries, scopes and issuers, the earlier first sighting; removals of sources this
     * instance saw publish the key are kept as they are here.
     */
    public KeyKnowledge merge(KeyKnowledge other) {
        if (!thumbprint.equals(other.thumbprint)) {
            throw new IllegalArgumentException("knowledge of another key material");
        }
        Map<String, TrackedKey> all = new java.util.LinkedHashMap<>(other.entries);
        all.putAll(entries);
        Set<String> s = new TreeSet<>(scopes);
        s.addAll(other.scopes);
        Set<String> i = new TreeSet<>(issuers);
        i.addAll(other.issuers);
        Map<String, Instant> removed = new HashMap<>(other.removedAt);
        removed.putAll(removedAt);
        Instant first = other.firstSeen.isBefore(firstSeen) ? other.firstSeen : firstSeen;
        return new KeyKnowledge(thumbprint, all, s, i, first, removed);
    }

    /** RFC 7638 SHA-256 thumbprint, base64url. */
    public String thumbprint() {
        return thumbprint;
    }
    /** Every usable entry that published this key material (kid, certificate, JWK dates), one per source and kid. */
    public java.util.Collection<TrackedKey> entries() {
        return entries.values();
    }
    /** Every key scope whose source published this key, usable or left out. */
    public Set<String> scopes() {
        return scopes;
    }
    /** Every trusted issuer (by name) whose source published this key. */
    public Set<String> issuers() {
        return issuers;
    }
    /** When this key material was first seen by any source. */
    public Instant firstSeen() {
        return firstSeen;
    }

    /** When {@code source} stopped publishing the key, or null while it publishes it (or never did). */
    public @Nullable Instant removedAt(String source) {
        return removedAt.get(source);
    }

    /** Every kid the key material is published under. */
    public Set<String> kids() {
        Set<String> kids = new LinkedHashSet<>();
        for (TrackedKey k : entries.values()) {
            if (k.kid() != null) {
                kids.add(k.kid());
            }
        }
        return kids;
    }

    /** The entry with the JWK {@code revoked} member, if any entry carries one; else null. */
    public @Nullable TrackedKey revokedEntry() {
        return revokedEntry;
    }

    /**
     * The key material's window and age start: the intersection of every entry's window and of
     * every declared window naming one of its kids or its thumbprint. Computed once per snapshot.
     */
    public KeyLife life(List<DeclaredWindow> declared) {
        KeyLife l = life;
        if (l == null) {
            l = KeyLife.of(this, declared);
            life = l;
        }
        return l;
    }

    private static Set<String> plus(Set<String> set, String value) {
        if (set.contains(value)) {
            return set;
        }
        Set<String> out = new TreeSet<>(set);
        out.add(value);
        return out;
    }

    @Override
    public String toString() {
        return "KeyKnowledge[jkt=" + thumbprint + ", kids=" + kids() + ", scopes=" + new TreeSet<>(scopes) + "]";
    }
}
