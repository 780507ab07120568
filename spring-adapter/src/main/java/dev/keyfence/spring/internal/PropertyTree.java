package dev.keyfence.spring.internal;

import dev.keyfence.config.SettingsRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code keyfence} subtree bound by Spring's {@code Binder} into the tree of maps,
 * lists and scalars that {@code KeyfenceConfig.fromTree} reads: indexed maps ({@code "0"},
 * {@code "[1]"}) become lists, and comma-separated strings of list-valued settings become lists.
 */
public final class PropertyTree {
    private static final Set<String> LIST_SETTINGS = SettingsRegistry.listKeys();

    private PropertyTree() {}

    /** A normalised copy of a bound tree. */
    public static Object normalise(Object node) {
        return normalise(null, node);
    }

    private static Object normalise(@Nullable String key, Object node) {
        if (node instanceof Map<?, ?> map) {
            if (!map.isEmpty() && isIndexed(map)) {
                TreeMap<Integer, Object> ordered = new TreeMap<>();
                map.forEach((k, v) -> ordered.put(index(String.valueOf(k)), normalise(null, v)));
                if (ordered.lastKey() == ordered.size() - 1) {
                    return new ArrayList<>(ordered.values());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(String.valueOf(k), v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(normalise(null, v)));
            return out;
        }
        if (node instanceof String s && key != null && LIST_SETTINGS.contains(key)) {
            List<Object> out = new ArrayList<>();
            for (String part : s.split(",", -1)) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        return node;
    }

    private static boolean isIndexed(Map<?, ?> map) {
        for (Object k : map.keySet()) {
            if (index(String.valueOf(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int index(String key) {
        String digits = key.startsWith("[") && key.endsWith("]") ? key.substring(1, key.length() - 1) : key;
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}
