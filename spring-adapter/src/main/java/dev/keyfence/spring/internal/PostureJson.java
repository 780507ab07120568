package dev.keyfence.spring.internal;

import dev.keyfence.Finding;
import dev.keyfence.KeyStatus;
import dev.keyfence.SourceStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Plain maps for key and source statuses, ready for JSON; no key material, only ids and dates. */
public final class PostureJson {
    private PostureJson() {
    }

    /** One key: kid, type, size, thumbprint, window, age, scopes, state. */
    public static Map<String, Object> key(KeyStatus key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kid", key.kid().orElse(null));
        m.put("type", key.keyType());
        m.put("size", key.sizeBits());
        key.curve().ifPresent(c -> m.put("curve", c));
        m.put("thumbprint", key.thumbprint());
        m.put("notBefore", text(key.notBefore()));
        m.put("notAfter", text(key.notAfter()));
        m.put("windowSources", key.windowSources());
        m.put("ageDays", key.age().map(a -> a.toDays()).orElse(null));
        m.put("scopes", key.scopes().stream().sorted().toList());
        m.put("keyIssuer", key.keyIssuer().orElse(null));
        m.put("firstSeen", key.firstSeen().toString());
        m.put("retiredAt", text(key.retiredAt()));
        m.put("state", key.state().name());
        key.problem().ifPresent(p -> m.put("problem", p));
        return m;
    }

    /** One source with its keys. */
    public static Map<String, Object> source(SourceStatus source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source.source());
        m.put("location", source.location());
        m.put("health", source.health().name());
        m.put("fetchedAt", text(source.fetchedAt()));
        source.problem().ifPresent(p -> m.put("problem", p));
        m.put("keys", source.keys().stream().map(PostureJson::key).toList());
        return m;
    }

    /** A finding, with the members of {@code keyfence audit --format json}. */
    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().label());
        m.put("code", f.code().name());
        m.put("issuer", f.issuer().orElse(null));
        m.put("kid", f.kid().orElse(null));
        m.put("message", f.message());
        m.put("issuerName", f.issuerName().orElse(null));
        return m;
    }

    /** A list of strings as is. */
    public static List<String> strings(java.util.Collection<String> values) {
        return List.copyOf(values);
    }

    private static @Nullable String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
