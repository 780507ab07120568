package dev.keyfence.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JWK set, {@code {"keys":[...]}}, whose entries are built JWKs or raw JSON text.
 *
 * <p>Raw entries are copied verbatim, so poisoned keys (bad members, wrong types, broken JSON)
 * can sit beside good ones.
 */
public final class JwkSet {

    private final List<Object> keys;
    private final Map<String, Object> members;

    private JwkSet(List<Object> keys, Map<String, Object> members) {
        this.keys = keys;
        this.members = members;
    }

    /** @return a set with no keys */
    public static JwkSet empty() {
        return new JwkSet(List.of(), Map.of());
    }

    /**
     * A set of built JWKs.
     *
     * @param jwks the keys, in order
     * @return the set
     */
    public static JwkSet of(JwkBuilder... jwks) {
        JwkSet set = empty();
        for (JwkBuilder jwk : jwks) {
            set = set.with(jwk);
        }
        return set;
    }

    /**
     * A set of the public JWKs of the given keys, with no extra members.
     *
     * @param keys the keys, in order
     * @return the set
     */
    public static JwkSet of(TestKey... keys) {
        JwkSet set = empty();
        for (TestKey key : keys) {
            set = set.with(key.jwk());
        }
        return set;
    }

    /**
     * A set of raw JWK JSON texts, copied verbatim.
     *
     * @param jwkJson one JSON text per key
     * @return the set
     */
    public static JwkSet of(String... jwkJson) {
        JwkSet set = empty();
        for (String json : jwkJson) {
            set = set.withRaw(json);
        }
        return set;
    }

    /**
     * Appends a built JWK.
     *
     * @param jwk the key
     * @return a new set
     */
    public JwkSet with(JwkBuilder jwk) {
        return append(jwk.toMap());
    }

    /**
     * Appends a key's plain public JWK.
     *
     * @param key the key
     * @return a new set
     */
    public JwkSet with(TestKey key) {
        return with(key.jwk());
    }

    /**
     * Appends raw JSON text as one entry of {@code keys} (poisoned-key tests).
     *
     * @param jwkJson JSON text, not validated
     * @return a new set
     */
    public JwkSet withRaw(String jwkJson) {
        return append(RawJson.of(jwkJson));
    }

    /**
     * Adds a top-level member beside {@code keys} (any value {@link Json} writes).
     *
     * @param name  member name, not {@code keys}
     * @param value member value
     * @return a new set
     */
    public JwkSet member(String name, Object value) {
        if ("keys".equals(name)) {
            throw new IllegalArgumentException("use with(...) to add keys");
        }
        Map<String, Object> copy = new LinkedHashMap<>(members);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return new JwkSet(keys, Collections.unmodifiableMap(copy));
    }

    /**
     * Removes every entry whose {@code kid} member equals the given one (raw entries stay).
     *
     * @param kid the kid to remove
     * @return a new set
     */
    public JwkSet withoutKid(String kid) {
        List<Object> copy = new ArrayList<>();
        for (Object k : keys) {
            if (!(k instanceof Map<?, ?> m && Objects.equals(m.get("kid"), kid))) {
                copy.add(k);
            }
        }
        return new JwkSet(Collections.unmodifiableList(copy), members);
    }

    /** @return the number of entries in {@code keys} */
    public int size() {
        return keys.size();
    }

    /** @return the set as compact JSON text */
    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("keys", keys);
        doc.putAll(members);
        return Json.write(doc);
    }

    @Override
    public String toString() {
        return toJson();
    }

    private JwkSet append(Object entry) {
        List<Object> copy = new ArrayList<>(keys);
        copy.add(entry);
        return new JwkSet(Collections.unmodifiableList(copy), members);
    }
}
