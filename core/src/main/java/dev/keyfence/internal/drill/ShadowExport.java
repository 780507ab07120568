package dev.keyfence.internal.drill;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyReference;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Writes a shadow to a folder for a target to run on ({@code drill --shadow-out DIR}): the policy
 * file with every key source replaced by a {@code jwks-file} of the shadow's public keys
 * ({@value #CONFIG}), those key sets, and the shadow's ephemeral private keys in an owner-only
 * file ({@value KeyBank#PRIVATE_KEYS}) for {@code drill --shadow-in DIR --target URL}. No real key
 * is read or written; the {@code ledger:} section is left out (a shadow must not teach a real ledger).
 */
public final class ShadowExport {
    /** The shadow policy file a target is started with ({@code -Dkeyfence.config=DIR/shadow.yaml}). */
    public static final String CONFIG = "shadow.yaml";

    private ShadowExport() {}

    /**
     * Writes the shadow of {@code policy} (loaded from {@code configFile}) at {@code now} into
     * {@code dir}; returns the files written. Replaces an earlier shadow in {@code dir}.
     */
    public static List<Path> write(ValidationPolicy policy, Path configFile, Instant now, Path dir) {
        Map<String, Object> tree = readTree(configFile);
        List<Path> written = new ArrayList<>();
        try {
            createPrivateDir(dir);
            KeyBank bank = KeyBank.fresh();
            try (Shadow shadow = Shadow.build(policy, now, bank)) {
                Object issuers = tree.get("issuers");
                List<?> list = issuers instanceof List<?> l ? l : List.of();
                for (int n = 0; n < list.size(); n++) {
                    Path to = dir.resolve("shadow-source-" + n + ".json").toAbsolutePath();
                    Files.copy(shadow.dir().resolve("source-" + n + ".json"), to, StandardCopyOption.REPLACE_EXISTING);
                    written.add(to);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> issuer = (Map<String, Object>) list.get(n);
                    issuer.remove("jwks-uri");
                    issuer.remove("discovery-uri");
                    issuer.put("jwks-file", to.toString());
                }
                tree.remove("ledger");
                Map<String, Object> keys = child(tree, "keys");
                keys.put(
                        "revoked",
                        shadow.policy().keys().revoked().stream()
                                .map(KeyReference::toString)
                                .toList());
                Map<String, Object> jwks = child(tree, "jwks");
                jwks.put("max-bytes", shadow.policy().jwks().maxBytes());
                Path keyFile = dir.resolve(KeyBank.PRIVATE_KEYS);
                writePrivate(
                        keyFile,
                        JsonWriter.write(Map.of(
                                "keys",
                                bank.handedOut().stream()
                                        .map(ShadowKey::privateJwk)
                                        .toList())));
                written.add(keyFile);
            }
            Path config = dir.resolve(CONFIG);
            Files.writeString(
                    config,
                    "# keyfence drill shadow of " + configFile.getFileName() + " written at " + now
                            + ": ephemeral keys only, never the real key sources\n"
                            + new Dump(DumpSettings.builder()
                                            .setDefaultFlowStyle(FlowStyle.BLOCK)
                                            .build())
                                    .dumpToString(tree),
                    StandardCharsets.UTF_8);
            written.add(0, config);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shadow to " + dir, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> tree, String name) {
        Object o = tree.get(name);
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        tree.put(name, m);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readTree(Path configFile) {
        try {
            Object doc = new Load(
                            LoadSettings.builder().setAllowDuplicateKeys(false).build())
                    .loadFromString(Files.readString(configFile, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?>)) {
                throw ConfigurationException.ofWholeConfiguration("(yaml)", "the configuration is not a mapping");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw ConfigurationException.ofWholeConfiguration(
                    "(file)", "cannot read " + configFile + ": " + e.getClass().getSimpleName());
        } catch (YamlEngineException e) {
            throw ConfigurationException.ofWholeConfiguration("(yaml)", "not valid YAML");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix()) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    /** Writes {@code text} to a new file only its owner can read (the old one is removed first). */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
