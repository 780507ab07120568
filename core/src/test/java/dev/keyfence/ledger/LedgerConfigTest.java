package dev.keyfence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class LedgerConfigTest {
    static final String BASE = """
            issuers:
              - name: contoso
                issuer: "https://login.example.test/tid-a/v2.0"
                jwks-uri: "https://login.example.test/common/keys"
                key-scope: enterprise
            resource:
              audiences: ["api://mail"]
              accepted-key-scopes: [enterprise]
            """;

    @TempDir
    Path dir;

    static KeyfenceConfig parse(String ledger, Path base, Map<String, String> env) {
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(BASE + ledger);
        return KeyfenceConfig.fromTree(tree, base, env);
    }

    static String settingOf(String ledger, Path base) {
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                ConfigurationException.class, () -> parse(ledger, base, Map.of()));
        return e.setting();
    }

    @Test
    void withoutALedgerSectionThereIsNoLedger() {
        KeyfenceConfig config = parse("", dir, Map.of());
        assertThat(config.policy().ledger()).isEmpty();
        assertThat(config.ledgerSettings()).isEmpty();
    }

    @Test
    void aDirectoryOpensTheEmbeddedLedgerRelativeToTheFile() {
        KeyfenceConfig config = parse("ledger:\n  directory: state/ledger\n", dir, Map.of());
        KeyLedger ledger = config.policy().ledger().orElseThrow();
        assertThat(ledger.describe())
                .isEqualTo("directory "
                        + dir.resolve("state/ledger").toAbsolutePath().normalize());
        assertThat(config.ledgerSettings().orElseThrow().directory()).contains(dir.resolve("state/ledger"));
        ledger.close();
    }

    @Test
    void contradictoryUnknownOrMissingSettingsAreErrorsNamingTheSetting() {
        assertThat(settingOf("ledger:\n  directory: x\n  jdbc-url: jdbc:postgresql://db/kf\n", dir))
                .isEqualTo("ledger.jdbc-url");
        assertThat(settingOf("ledger:\n  directory: x\n  username: kf\n", dir)).isEqualTo("ledger.username");
        assertThat(settingOf("ledger:\n  directory: x\n  password-env: PW\n", dir))
                .isEqualTo("ledger.password-env");
        assertThat(settingOf("ledger:\n  username: kf\n", dir)).isEqualTo("ledger.directory");
        assertThat(settingOf("ledger:\n  dirctory: x\n", dir)).isEqualTo("ledger.dirctory");
        assertThat(settingOf("ledger:\n  jdbc-url: postgresql://db/kf\n", dir)).isEqualTo("ledger.jdbc-url");
        assertThat(settingOf("ledger: /var/lib/keyfence\n", dir)).isEqualTo("ledger");
    }

    @Test
    void aPasswordInTheFileIsRefusedWithoutEchoingIt() {
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                ConfigurationException.class,
                () -> parse("ledger:\n  jdbc-url: jdbc:postgresql://db/kf\n  password: hunter2\n", dir, Map.of()));
        assertThat(e.setting()).isEqualTo("ledger.password");
        assertThat(e.getMessage()).contains("password-env").doesNotContain("hunter2");
        for (String url :
                new String[] {"jdbc:postgresql://db/kf?user=kf&password=hunter2", "jdbc:postgresql://kf:hunter2@db/kf"
                }) {
            ConfigurationException inUrl = org.junit.jupiter.api.Assertions.assertThrows(
                    ConfigurationException.class, () -> parse("ledger:\n  jdbc-url: \"" + url + "\"\n", dir, Map.of()));
            assertThat(inUrl.setting()).isEqualTo("ledger.jdbc-url");
            assertThat(inUrl.getMessage()).doesNotContain("hunter2");
        }
    }

    @Test
    void aDatabaseLedgerWithoutItsModuleOnTheClassPathIsAClearConfigurationError() {
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                ConfigurationException.class,
                () -> parse(
                        "ledger:\n  jdbc-url: jdbc:postgresql://db:5432/kf?ssl=true\n  username: kf\n", dir, Map.of()));
        assertThat(e.setting()).isEqualTo("ledger.jdbc-url");
        assertThat(e.getMessage())
                .contains("keyfence-ledger-jdbc")
                .contains("jdbc:postgresql://db:5432/kf")
                .doesNotContain("ssl");
    }

    @Test
    void anUnwritableDirectoryIsAnErrorNamingTheSetting() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        assertThat(settingOf("ledger:\n  directory: " + file + "\n", dir)).isEqualTo("ledger.directory");
    }
}
