package dev.keyfence.config;

import dev.keyfence.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads the YAML configuration file into the tree of maps, lists and scalars that {@code KeyfenceConfig} reads. */
public final class ConfigDocument {
    private ConfigDocument() {}

    /**
     * The parsed file.
     *
     * @throws ConfigurationException about the whole configuration when the file cannot be read or is not YAML
     */
    public static Object read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigurationException.ofWholeConfiguration(
                    "(file)", "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        return parse(text);
    }

    /**
     * The parsed text; duplicate keys are an error.
     *
     * @throws ConfigurationException about the whole configuration when the text is not YAML
     */
    public static Object parse(String yaml) {
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setAllowDuplicateKeys(false)
                    .setLabel("keyfence")
                    .build();
            return new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("syntax error");
            throw ConfigurationException.ofWholeConfiguration("(yaml)", "not valid YAML: " + msg);
        }
    }

    /** The folder relative paths of {@code file} resolve against. */
    public static Path baseDir(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return base == null ? Path.of(".") : base;
    }
}
