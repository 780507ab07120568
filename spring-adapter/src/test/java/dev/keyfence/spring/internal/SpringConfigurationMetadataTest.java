package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.config.FrontDoor;
import dev.keyfence.config.Setting;
import dev.keyfence.config.SettingsRegistry;
import dev.keyfence.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code spring-configuration-metadata.json} on the class path (generated at build time, never
 * hand-written) lists exactly the registry's file and Spring settings, each with a description and
 * its default.
 */
class SpringConfigurationMetadataTest {
    private static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    @Test
    void theShippedMetadataIsTheOneGeneratedFromTheRegistry() throws IOException {
        assertThat(shipped()).isEqualTo(SpringConfigurationMetadata.json());
    }

    @Test
    void listsExactlyTheRegistrysSettingsWithDescriptionsAndDefaults() throws Exception {
        Map<String, Map<String, Object>> byName = properties();
        List<String> expected = new ArrayList<>();
        for (Setting s : SettingsRegistry.all()) {
            if (s.at(FrontDoor.FILE) || s.at(FrontDoor.SPRING)) {
                expected.add("keyfence." + s.path().replace("[]", "[0]"));
                if (s.perProfile()) {
                    expected.add("keyfence.resources.*." + s.key());
                }
            }
        }
        assertThat(byName.keySet()).containsExactlyElementsOf(expected);
        for (Setting s : SettingsRegistry.all()) {
            if (s.at(FrontDoor.FILE) || s.at(FrontDoor.SPRING)) {
                Map<String, Object> p = byName.get("keyfence." + s.path().replace("[]", "[0]"));
                assertThat((String) p.get("description"))
                        .as(s.path())
                        .isNotBlank()
                        .doesNotContain("`");
                assertThat(p.get("type")).as(s.path()).isEqualTo(s.kind().javaType());
                if (s.defaultValue().isPresent()) {
                    assertThat(String.valueOf(p.get("defaultValue")))
                            .as(s.path())
                            .isEqualTo(String.valueOf(s.defaultValue().get()));
                } else {
                    assertThat(p).as(s.path()).doesNotContainKey("defaultValue");
                }
            }
        }
    }

    @Test
    void includesTheSettingsTheHandWrittenFileHadLost() throws Exception {
        Map<String, Map<String, Object>> byName = properties();
        assertThat(byName.get("keyfence.verified-token-cache")).containsEntry("defaultValue", 1024L);
        assertThat(byName.get("keyfence.jwks.tenant-sources-per-minute")).containsEntry("defaultValue", 60L);
        assertThat(byName)
                .containsKeys(
                        "keyfence.ledger.directory",
                        "keyfence.ledger.jdbc-url",
                        "keyfence.ledger.username",
                        "keyfence.ledger.password-env",
                        "keyfence.ledger.use-datasource",
                        "keyfence.drill.schedule",
                        "keyfence.drill.min-interval",
                        "keyfence.drill.min-controls",
                        "keyfence.drill.authority",
                        "keyfence.config",
                        "keyfence.keys.windows[0].not-after");
        assertThat(byName.get("keyfence.drill.authority")).containsEntry("defaultValue", "SCOPE_keyfence.admin");
        assertThat(byName).doesNotContainKeys("keyfence.realm", "keyfence.allow-query-token");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties() throws Exception {
        Map<String, Object> doc = JsonReader.parseObject(shipped());
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object p : (List<Object>) doc.get("properties")) {
            Map<String, Object> m = (Map<String, Object>) p;
            assertThat(byName.put((String) m.get("name"), m))
                    .as("listed twice: " + m.get("name"))
                    .isNull();
        }
        return byName;
    }

    private static String shipped() throws IOException {
        try (InputStream in =
                SpringConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in)
                    .as(RESOURCE + " on the class path (generated in process-classes)")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
