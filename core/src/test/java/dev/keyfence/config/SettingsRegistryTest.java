package dev.keyfence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry and the YAML reader agree: every setting the registry lists for the file is read
 * (a value of the wrong type is refused naming exactly that setting), and the reader knows nothing
 * the registry does not list.
 */
class SettingsRegistryTest {

    static Stream<String> fileSettingPaths() {
        List<String> paths = new ArrayList<>();
        for (Setting s : SettingsRegistry.at(FrontDoor.FILE)) {
            paths.add(s.path());
            if (s.perProfile()) {
                paths.add(SettingsRegistry.PROFILE + "." + s.key());
            }
        }
        return paths.stream();
    }

    @ParameterizedTest
    @MethodSource("fileSettingPaths")
    void everyFileSettingIsReadAndAWrongValueIsRefusedNamingIt(String path) {
        Setting setting = SettingsRegistry.file(path)
                .orElseGet(() -> SettingsRegistry.file("resource." + path.substring(path.lastIndexOf('.') + 1))
                        .orElseThrow());
        Map<String, Object> tree = base();
        put(tree, path, wrongValue(setting.kind()));

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> KeyfenceConfig.fromTree(tree, Path.of("."), Map.of()));

        assertThat(e).as(path).isNotNull();
        assertThat(e.setting()).isEqualTo(path.replace("[]", "[0]").replace("*", "p"));
        assertThat(e.namesSetting()).isTrue();
    }

    @Test
    void anUnknownKeyIsRefusedListingTheRegistrysKeysOfThatSection() {
        Map<String, Object> tree = base();
        put(tree, "jwks.max-stael", "PT1H");

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> KeyfenceConfig.fromTree(tree, Path.of("."), Map.of()));

        assertThat(e.getMessage())
                .isEqualTo(
                        "jwks.max-stael: unknown setting (known here: [allow-http-loopback,"
                                + " max-bytes, max-stale, min-refetch-interval, refresh-interval, tenant-sources-per-minute, timeout])");
    }

    @Test
    void sectionsListTheirKeysIncludingNestedSections() {
        assertThat(SettingsRegistry.keysIn(""))
                .containsExactlyInAnyOrder(
                        "issuers",
                        "resource",
                        "resources",
                        "keys",
                        "jwks",
                        "max-token-bytes",
                        "verified-token-cache",
                        "audit-lines-per-second",
                        "ledger");
        assertThat(SettingsRegistry.keysIn("keys")).contains("windows", "revoked");
        assertThat(SettingsRegistry.keysIn(SettingsRegistry.PROFILE))
                .contains("paths", "audiences", "clock-skew")
                .doesNotContain("max-age");
    }

    @Test
    void eachSettingIsDeclaredOncePerFrontDoor() {
        for (FrontDoor door : FrontDoor.values()) {
            List<String> paths =
                    SettingsRegistry.at(door).stream().map(Setting::path).toList();
            assertThat(paths).as(door.name()).doesNotHaveDuplicates();
        }
    }

    @Test
    void listKeysAreTheListValuedSettings() {
        assertThat(SettingsRegistry.listKeys())
                .isEqualTo(Set.of(
                        "audiences",
                        "accepted-key-scopes",
                        "algorithms",
                        "token-types",
                        "required-claims",
                        "tenants",
                        "revoked",
                        "allowed-curves",
                        "paths"));
    }

    private static Object wrongValue(SettingKind kind) {
        return switch (kind) {
            case LIST -> 42;
            case BOOLEAN -> "maybe";
            case INTEGER -> "many";
            case DURATION -> "ten minutes";
            case INSTANT -> "yesterday";
            case TEXT, URL, PATH, REGEX -> List.of(1);
        };
    }

    /** A valid tree with one issuer, the default resource, one profile, one window and a database ledger. */
    private static Map<String, Object> base() {
        Map<String, Object> issuer = map(
                "name",
                "a",
                "issuer",
                "https://issuer.test",
                "jwks-uri",
                "https://issuer.test/keys",
                "key-scope",
                "enterprise");
        Map<String, Object> tree = map(
                "issuers",
                new ArrayList<>(List.of(issuer)),
                "resource",
                map("audiences", List.of("api"), "accepted-key-scopes", List.of("enterprise")));
        tree.put("resources", map("p", map("paths", List.of("/admin/**"))));
        tree.put(
                "keys", map("windows", new ArrayList<>(List.of(map("kid", "k", "not-after", "2030-01-01T00:00:00Z")))));
        tree.put("ledger", map("jdbc-url", "jdbc:postgresql://db.test/keyfence"));
        return tree;
    }

    /** Puts {@code value} at a registry path, replacing what would make another setting answer first. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.endsWith("[]")) {
                at = ((List<Map<String, Object>>) at.get(part.substring(0, part.length() - 2))).get(0);
            } else if (part.equals("*")) {
                at = (Map<String, Object>) at.get("p");
            } else {
                at = (Map<String, Object>) at.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            }
        }
        String key = parts[parts.length - 1];
        switch (key) {
            case "discovery-uri", "jwks-file" -> at.remove("jwks-uri");
            case "jkt" -> at.remove("kid");
            case "directory" -> at.remove("jdbc-url");
            default -> {}
        }
        at.put(key, value);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
