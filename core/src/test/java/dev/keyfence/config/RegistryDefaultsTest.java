package dev.keyfence.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ValidationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The defaults the registry documents (in the docs tables and Spring's metadata) are the defaults
 * a policy read from a file without those settings really has.
 */
class RegistryDefaultsTest {

    @Test
    void documentedDefaultsAreTheDefaultsOfAPolicyWithoutThoseSettings() {
        Map<String, Object> issuer = new LinkedHashMap<>(Map.of(
                "name",
                "a",
                "issuer",
                "https://issuer.test",
                "jwks-uri",
                "https://issuer.test/keys",
                "key-scope",
                "enterprise"));
        Map<String, Object> tree = new LinkedHashMap<>(Map.of(
                "issuers",
                List.of(issuer),
                "resource",
                Map.of("audiences", List.of("api"), "accepted-key-scopes", List.of("enterprise"))));
        ValidationPolicy p =
                KeyfenceConfig.fromTree(tree, Path.of("."), Map.of()).policy();

        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("issuers[].require-key-issuer", p.issuers().get(0).requireKeyIssuer());
        actual.put("resource.name", p.resource().name());
        actual.put("resource.algorithms", p.resource().algorithms());
        actual.put("resource.token-types", new ArrayList<>(p.resource().tokenTypes()));
        actual.put("resource.clock-skew", p.resource().clockSkew().toString());
        actual.put(
                "resource.max-token-lifetime", p.resource().maxTokenLifetime().toString());
        actual.put("keys.retired-grace", p.keys().retiredGrace().toString());
        actual.put("keys.min-rsa-bits", p.keys().minRsaBits());
        actual.put("keys.allowed-curves", new ArrayList<>(p.keys().allowedCurves()));
        actual.put("jwks.refresh-interval", p.jwks().refreshInterval().toString());
        actual.put("jwks.min-refetch-interval", p.jwks().minRefetchInterval().toString());
        actual.put("jwks.max-stale", p.jwks().maxStale().toString());
        actual.put("jwks.timeout", p.jwks().timeout().toString());
        actual.put("jwks.max-bytes", p.jwks().maxBytes());
        actual.put("jwks.allow-http-loopback", p.jwks().allowHttpLoopback());
        actual.put("jwks.tenant-sources-per-minute", p.jwks().tenantSourcesPerMinute());
        actual.put("max-token-bytes", p.maxTokenBytes());
        actual.put("verified-token-cache", p.verifiedTokenCache());
        actual.put("audit-lines-per-second", p.auditLinesPerSecond());

        Map<String, Object> documented = new LinkedHashMap<>();
        for (Setting s : SettingsRegistry.at(FrontDoor.FILE)) {
            s.defaultValue().ifPresent(v -> documented.put(s.path(), comparable(v)));
        }
        actual.replaceAll((k, v) -> comparable(v));

        assertThat(documented).containsExactlyInAnyOrderEntriesOf(actual);
        assertThat(p.keys().maxAge()).as("keys.max-age: no limit").isEmpty();
        assertThat(SettingsRegistry.file("keys.max-age").orElseThrow().defaultValue())
                .isEmpty();
    }

    /** Durations by value ({@code PT60S} is {@code PT1M}), lists as sets of case-insensitive names. */
    private static Object comparable(Object value) {
        if (value instanceof List<?> list) {
            Set<String> out = new TreeSet<>();
            list.forEach(v -> out.add(String.valueOf(v).toLowerCase(Locale.ROOT)));
            return out;
        }
        if (value instanceof String s && s.startsWith("P")) {
            return Duration.parse(s);
        }
        return value;
    }
}
