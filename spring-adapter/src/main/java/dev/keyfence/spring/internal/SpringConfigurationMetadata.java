package dev.keyfence.spring.internal;

import dev.keyfence.config.FrontDoor;
import dev.keyfence.config.Setting;
import dev.keyfence.config.SettingsRegistry;
import dev.keyfence.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring Boot's {@code META-INF/spring-configuration-metadata.json}, generated from core's
 * settings registry at build time (the {@code process-classes} phase runs {@link #main}), so that
 * IDEs complete every {@code keyfence.*} property with its description and default.
 */
public final class SpringConfigurationMetadata {
    private static final String PREFIX = "keyfence.";

    private SpringConfigurationMetadata() {}

    /** Writes the metadata to the file named by the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SpringConfigurationMetadata OUTPUT_FILE");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json(), StandardCharsets.UTF_8);
    }

    /** The Spring property of a registry path: {@code issuers[].jwks-uri} is {@code keyfence.issuers[0].jwks-uri}. */
    public static String property(String path) {
        return PREFIX + path.replace("[]", "[0]");
    }

    /** Every property the metadata lists, in registry order. */
    public static List<Map<String, Object>> properties() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Setting s : SettingsRegistry.all()) {
            if (!s.at(FrontDoor.FILE) && !s.at(FrontDoor.SPRING)) {
                continue;
            }
            out.add(property(property(s.path()), s, true));
            if (s.perProfile()) {
                out.add(property(property(SettingsRegistry.PROFILE + "." + s.key()), s, false));
            }
        }
        return out;
    }

    /** The metadata document. */
    public static String json() {
        Set<String> groups = new LinkedHashSet<>();
        List<Map<String, Object>> hints = new ArrayList<>();
        for (Map<String, Object> p : properties()) {
            String name = (String) java.util.Objects.requireNonNull(p.get("name"), "every property has a name");
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0 && !rest.substring(0, dot).contains("[")) {
                groups.add(PREFIX + rest.substring(0, dot));
            }
        }
        for (Setting s : SettingsRegistry.all()) {
            if (!s.values().isEmpty()) {
                List<Map<String, Object>> values = new ArrayList<>();
                s.values().forEach(v -> values.add(Map.of("value", v)));
                hints.add(ordered("name", property(s.path()), "values", values));
            }
        }
        List<Object> groupList = new ArrayList<>();
        groupList.add(ordered(
                "name", "keyfence", "description", "Keyfence JWT validation (same names as the YAML configuration)."));
        groups.forEach(g -> groupList.add(ordered("name", g)));
        StringBuilder sb = new StringBuilder("{\n");
        array(sb, "groups", groupList);
        sb.append(",\n");
        array(sb, "properties", new ArrayList<>(properties()));
        sb.append(",\n");
        array(sb, "hints", new ArrayList<>(hints));
        return sb.append("\n}\n").toString();
    }

    private static Map<String, Object> property(String name, Setting s, boolean withDefault) {
        String doc = s.doc() + (s.bounds().isEmpty() ? "" : " (" + s.bounds() + ")");
        if (!withDefault) {
            doc += "; inherited from " + property(s.path()) + " unless given";
        }
        Map<String, Object> m = ordered("name", name, "type", s.kind().javaType(), "description", plain(doc) + ".");
        if (withDefault) {
            s.defaultValue().ifPresent(v -> m.put("defaultValue", v));
        }
        return m;
    }

    /** The text without markdown code marks, as a sentence. */
    private static String plain(String markdown) {
        String text = markdown.replace("`", "");
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void array(StringBuilder sb, String name, List<Object> items) {
        sb.append("  ").append(JsonWriter.quote(name)).append(": [\n");
        for (int i = 0; i < items.size(); i++) {
            sb.append("    ").append(JsonWriter.write(items.get(i))).append(i + 1 < items.size() ? ",\n" : "\n");
        }
        sb.append("  ]");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
