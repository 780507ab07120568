package dev.keyfence.internal.config;

import dev.keyfence.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A typed, path-aware view of one mapping of the configuration tree. Every getter names the
 * setting by its full path when the value is missing or of the wrong type, and {@link #allowOnly}
 * refuses unknown keys.
 */
public final class ConfigTree {
    private final String path;
    private final Map<?, ?> map;

    public ConfigTree(String path, Map<?, ?> map) {
        this.path = path;
        this.map = map;
    }

    /** The root of a parsed document. */
    public static ConfigTree root(Object document) {
        if (!(document instanceof Map<?, ?> m)) {
            throw ConfigurationException.ofWholeConfiguration(
                    "(document)", "the configuration must be a mapping with issuers and resource");
        }
        return new ConfigTree("", m);
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Refuses any key not in {@code allowed}, naming it. */
    public ConfigTree allowOnly(Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String k) || !allowed.contains(k)) {
                throw new ConfigurationException(
                        path(String.valueOf(key)),
                        "unknown setting (known here: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    public Set<?> keys() {
        return map.keySet();
    }

    public ConfigTree tree(String key) {
        Object v = require(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw new ConfigurationException(path(key), "must be a mapping");
        }
        return new ConfigTree(path(key), m);
    }

    public Optional<ConfigTree> optionalTree(String key) {
        return has(key) ? Optional.of(tree(key)) : Optional.empty();
    }

    public List<ConfigTree> trees(String key) {
        Object v = require(key);
        if (!(v instanceof List<?> list)) {
            throw new ConfigurationException(path(key), "must be a list");
        }
        List<ConfigTree> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ConfigurationException(path(key) + "[" + i + "]", "must be a mapping");
            }
            out.add(new ConfigTree(path(key) + "[" + i + "]", m));
        }
        return out;
    }

    public String string(String key) {
        Object v = require(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ConfigurationException(path(key), "must be a non-empty string");
        }
        return s;
    }

    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    public List<String> strings(String key) {
        Object v = require(key);
        if (!(v instanceof List<?> list)) {
            throw new ConfigurationException(path(key), "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new ConfigurationException(path(key), "must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    public Optional<List<String>> optionalStrings(String key) {
        return has(key) ? Optional.of(strings(key)) : Optional.empty();
    }

    public Optional<Boolean> optionalBoolean(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        Object v = map.get(key);
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        throw new ConfigurationException(path(key), "must be true or false");
    }

    public Optional<Integer> optionalInt(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        Object v = map.get(key);
        if (v instanceof Integer i) {
            return Optional.of(i);
        }
        if (v instanceof Long l && l <= Integer.MAX_VALUE && l >= Integer.MIN_VALUE) {
            return Optional.of(l.intValue());
        }
        if (v instanceof String s) {
            try {
                return Optional.of(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                // fall through to the error naming the setting
            }
        }
        throw new ConfigurationException(path(key), "must be a whole number");
    }

    public Optional<Duration> optionalDuration(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        String text = string(key);
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(
                    path(key), "must be an ISO-8601 duration such as PT60S or P365D, was " + quote(text));
        }
    }

    public Optional<Instant> optionalInstant(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        String text = string(key);
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(
                    path(key), "must be an ISO-8601 UTC instant such as 2021-04-01T00:00:00Z, was " + quote(text));
        }
    }

    private Object require(String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new ConfigurationException(path(key), "required setting is missing");
        }
        return value;
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
    }
}
