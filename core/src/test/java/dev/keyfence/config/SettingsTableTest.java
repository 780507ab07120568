package dev.keyfence.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of {@code docs/configuration.md}, the README and the jakarta-adapter README are generated
 * from the registry; this test fails when a committed table is stale, and rewrites them when run
 * with {@code -Dkeyfence.docs.update=true}.
 */
class SettingsTableTest {
    static final String REGENERATE = "./mvnw -B -q -pl core -am verify -Dkeycloak.unpack.skip=true"
            + " -Dtest=SettingsTableTest -Dsurefire.failIfNoSpecifiedTests=false -Dkeyfence.docs.update=true";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> DOCS = List.of(
            ROOT.resolve("docs/configuration.md"),
            ROOT.resolve("jakarta-adapter/README.md"),
            ROOT.resolve("README.md"));

    @Test
    void committedSettingsTablesMatchTheRegistry() throws IOException {
        boolean update = Boolean.getBoolean("keyfence.docs.update");
        List<String> stale = new ArrayList<>();
        int tables = 0;
        for (Path doc : DOCS) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            String fresh = regenerated(text);
            tables += count(text);
            if (!fresh.equals(text)) {
                if (update) {
                    Files.writeString(doc, fresh, StandardCharsets.UTF_8);
                } else {
                    stale.add(ROOT.relativize(doc).toString());
                }
            }
        }
        assertThat(stale)
                .as("settings tables are stale in %s; regenerate them with:%n  %s", stale, REGENERATE)
                .isEmpty();
        assertThat(tables).as("marked tables found").isPositive();
    }

    @Test
    void everyTableIsInTheConfigurationReferenceAndTheReadmeHasTheAdditionsToTheContract() throws IOException {
        String text = Files.readString(DOCS.get(0), StandardCharsets.UTF_8);
        String readme = Files.readString(DOCS.get(2), StandardCharsets.UTF_8);
        SettingsTables.Table additions = SettingsTables.TABLES.get(SettingsTables.TABLES.size() - 1);
        assertThat(readme).contains(SettingsTables.start(additions));
        for (SettingsTables.Table t : SettingsTables.TABLES.subList(0, SettingsTables.TABLES.size() - 1)) {
            assertThat(text).contains(SettingsTables.start(t)).contains(SettingsTables.end(t));
        }
    }

    @Test
    void everySettingIsInSomeTable() {
        for (Setting s : SettingsRegistry.all()) {
            assertThat(SettingsTables.TABLES.stream().anyMatch(t -> t.selects().test(s)))
                    .as(s.path())
                    .isTrue();
        }
    }

    private static int count(String text) {
        int n = 0;
        for (SettingsTables.Table t : SettingsTables.TABLES) {
            n += text.contains(SettingsTables.start(t)) ? 1 : 0;
        }
        return n;
    }

    /** The text with every marked table replaced by its fresh rendering. */
    static String regenerated(String text) {
        String out = text;
        for (SettingsTables.Table t : SettingsTables.TABLES) {
            String start = SettingsTables.start(t);
            String end = SettingsTables.end(t);
            int from = out.indexOf(start);
            if (from < 0) {
                continue;
            }
            int to = out.indexOf(end, from);
            assertThat(to).as("end marker of table " + t.id()).isPositive();
            out = out.substring(0, from + start.length()) + SettingsTables.render(t) + out.substring(to);
        }
        return out;
    }
}
