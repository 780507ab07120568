package dev.keyfence.internal.json;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small parsed JSON object: names and values side by side in one array, in document order,
 * unmodifiable. A token's header and claims have a handful of members, for which a linear scan
 * is as fast as hashing and allocates a fraction of a {@code LinkedHashMap}; {@link Json} uses
 * it up to {@link #MAX_MEMBERS} members only. Names are unique (the parser refuses duplicates).
 */
final class JsonObject extends AbstractMap<String, Object> {
    /** Most members held this way; larger objects become a {@code LinkedHashMap}. */
    static final int MAX_MEMBERS = 16;

    /** name0, value0, name1, value1, ... with no nulls. */
    private final Object[] members;

    /** Whether a JSON {@code null} is among the values, at any depth. */
    private final boolean holdsNull;

    /**
     * One bit per name, at its hash code's low six bits: a name whose bit is clear is not a member,
     * so looking up an absent claim (most lookups of {@code tid}, {@code cnf}, {@code nbf}, ...)
     * costs one test instead of a scan.
     */
    private final long nameBits;

    JsonObject(Object[] members, boolean holdsNull) {
        this.members = members;
        this.holdsNull = holdsNull;
        long bits = 0;
        for (int i = 0; i < members.length; i += 2) {
            bits |= bit(members[i].hashCode());
        }
        this.nameBits = bits;
    }

    private static long bit(int hash) {
        return 1L << hash; // a long shift uses the low six bits of its distance
    }

    /** True when a JSON {@code null} is among the values at any depth, as the parser saw. */
    boolean holdsNull() {
        return holdsNull;
    }

    @Override
    public int size() {
        return members.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return members.length == 0;
    }

    @Override
    public @Nullable Object get(@Nullable Object name) {
        int i = indexOf(name);
        return i < 0 ? null : members[i + 1];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    /**
     * The name bit first, then a scan comparing hash codes (claim names are mostly three letters,
     * alike in length); a known name from the parser is the same instance as the caller's literal.
     */
    private int indexOf(@Nullable Object name) {
        if (name instanceof String wanted) {
            int hash = wanted.hashCode();
            if ((nameBits & bit(hash)) == 0) {
                return -1;
            }
            for (int i = 0; i < members.length; i += 2) {
                Object member = members[i];
                if (member == wanted || member.hashCode() == hash && member.equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Slots<>(0);
            }

            @Override
            public int size() {
                return members.length / 2;
            }
        };
    }

    @Override
    public Collection<Object> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Object> iterator() {
                return new Slots<>(1);
            }

            @Override
            public int size() {
                return members.length / 2;
            }
        };
    }

    /** Iterates the names (from 0) or the values (from 1) without an entry per member. */
    private final class Slots<T> implements Iterator<T> {
        private int next;

        Slots(int first) {
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            return next < members.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (next >= members.length) {
                throw new NoSuchElementException();
            }
            T t = (T) members[next];
            next += 2;
            return t;
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < members.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= members.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> e =
                                new AbstractMap.SimpleImmutableEntry<>((String) members[next], members[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return members.length / 2;
            }
        };
    }
}
