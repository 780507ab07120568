package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyfence.ConfigurationException;
import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.DrillTargetCheck;
import dev.keyfence.DrillTargetProbe;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public drill API that {@code drill --shadow-out}, {@code --shadow-in} and {@code --target}
 * run on: a shadow written to a folder is read back, every attack reaches the target probe with
 * the shadow's expected reason, and a target without the shadow's keys is refused.
 */
class DrillShadowApiTest {
    private static final String YAML = """
            issuers:
              - name: contoso
                issuer: "https://login.example.test/{tenantid}/v2.0"
                jwks-uri: "https://login.example.test/common/keys"
                key-scope: enterprise
                tenants: ["tid-a"]
              - name: consumer
                issuer: "https://login.example.test/consumers/v2.0"
                jwks-uri: "https://login.example.test/consumers/keys"
                key-scope: consumer
            resource:
              audiences: ["api://mail"]
              accepted-key-scopes: [enterprise]
            """;

    @Test
    void aWrittenShadowIsReadBackAndEveryAttackReachesTheTarget(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keyfence.yaml");
        Files.writeString(file, YAML, StandardCharsets.UTF_8);
        KeyfenceConfig config = KeyfenceConfig.load(file);
        Path shadow = dir.resolve("shadow");

        List<Path> written = Drill.builder().config(config).build().writeShadow(file, shadow);

        assertThat(written.get(0)).isEqualTo(shadow.resolve("shadow.yaml"));
        assertThat(written).allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(Files.readString(written.get(0))).contains("jwks-file").doesNotContain("jwks-uri");

        List<String> asked = new ArrayList<>();
        DrillTargetProbe probe = (attack, resource, expected, token, counterpartToken) -> {
            asked.add(attack);
            assertThat(token).isNotBlank().isNotEqualTo(counterpartToken);
            return new DrillTargetCheck(true, 401, expected.map(Reason::name), 200, true, Optional.empty());
        };
        DrillReport report = Drill.builder()
                .config(config)
                .shadowKeys(shadow)
                .target(probe)
                .build()
                .run();

        assertThat(report.results()).allSatisfy(r -> assertThat(r.target()).isPresent());
        assertThat(asked)
                .containsExactlyElementsOf(report.results().stream()
                        .filter(r -> r.target().orElseThrow().sent())
                        .map(DrillResult::attack)
                        .toList())
                .isNotEmpty();
    }

    @Test
    void aTargetWithoutTheShadowsKeysIsRefused() {
        KeyfenceConfig config = KeyfenceConfig.parse(YAML, Path.of("."));
        DrillTargetProbe probe =
                (attack, resource, expected, token, counterpartToken) -> DrillTargetCheck.notSent("not reached");

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> Drill.builder().config(config).target(probe).build());

        assertThat(e.setting()).isEqualTo("--target");
    }

    @Test
    void aFolderWithoutShadowKeysIsAConfigurationErrorNamingShadowIn(@TempDir Path dir) {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> Drill.builder().shadowKeys(dir));

        assertThat(e.setting()).isEqualTo("--shadow-in");
    }
}
