package dev.keyfence.cli;

import static dev.keyfence.cli.CliRun.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drill} in process: the text table, JSON lines, and the exit statuses 0, 1 and 2. */
class DrillCommandTest {
    static final String NOW = "2025-03-01T10:00:00Z";
    static final String CONFIG = "src/test/resources/drill/keyfence.yaml";

    @TempDir
    Path dir;

    @Test
    void soundPolicyPrintsATableAndExitsZero() {
        CliRun r = CliRun.run("drill", "--config", CONFIG, "--now", NOW);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Keyfence drill of keyfence.yaml at " + NOW);
        assertThat(r.out())
                .containsPattern("2023: current consumer key, enterprise tenant +default +refused +"
                        + "KEY_ISSUER_MISMATCH +accepted +KEY_ISSUER_MISMATCH KEY_SCOPE_NOT_ACCEPTED +2/2 +ok");
        assertThat(r.out()).contains("not run: key-too-old: keys.max-age is not set");
        assertThat(r.out())
                .contains("PASS: 19 of 19 attacks refused, 19 of 19 legitimate counterparts accepted; "
                        + "each 2023 key forgery caught by at least 2 controls alone (minimum 2).");
        assertThat(r.out()).doesNotContain("eyJ");
    }

    @Test
    void jsonPrintsOneObjectPerAttack() {
        CliRun r = CliRun.run("drill", "--config", CONFIG, "--now", NOW, "--format", "json");

        assertThat(r.status()).as(r.err()).isZero();
        List<Map<String, Object>> lines = r.lines();
        assertThat(lines).hasSize(19);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l).containsKeys("attack", "valid", "reason", "controls");
            assertThat(l.get("valid")).isEqualTo(false);
            assertThat((List<?>) l.get("controls")).isNotEmpty();
        });
        Map<String, Object> forgery = lines.stream()
                .filter(l -> "consumer-key".equals(l.get("attack")))
                .findFirst()
                .orElseThrow();
        assertThat(forgery.get("reason")).isEqualTo("KEY_ISSUER_MISMATCH");
        assertThat(forgery.get("controls")).isEqualTo(List.of("KEY_ISSUER_MISMATCH", "KEY_SCOPE_NOT_ACCEPTED"));
        assertThat(get(forgery, "finding")).isNull();
        assertThat(r.out()).doesNotContain("eyJ");
    }

    @Test
    void weakenedPolicyExitsOneNamingTheAttackAndTheFix() throws IOException {
        Path weak = dir.resolve("weak.yaml");
        Files.writeString(
                weak,
                Files.readString(Path.of(CONFIG))
                        .replace("tenants: [\"72f988bf-86f1-41af-91ab-2d7cd011db47\"]", "tenants: [\"*\"]"));

        CliRun text = CliRun.run("drill", "--config", weak.toString(), "--now", NOW);
        CliRun json = CliRun.run("drill", "--config", weak.toString(), "--now", NOW, "--format", "json");

        assertThat(text.status()).isEqualTo(1);
        assertThat(text.out())
                .contains("FINDING: 2023: cross-tenant iss/tid (attacker's own tenant): ACCEPTED; "
                        + "issuer contoso: list the allowed tenants instead of [\"*\"]");
        assertThat(text.out()).contains("\nFAIL: 18 of 19 attacks refused");
        assertThat(json.status()).isEqualTo(1);
        Map<String, Object> cross = json.lines().stream()
                .filter(l -> "cross-tenant".equals(l.get("attack")))
                .findFirst()
                .orElseThrow();
        assertThat(cross.get("valid")).isEqualTo(true);
        assertThat(get(cross, "reason")).isNull();
        assertThat(cross.get("controls")).isEqualTo(List.of());
    }

    @Test
    void minControlsThreeFailsTheCurrentConsumerKeyForgery() {
        CliRun r = CliRun.run("drill", "--config", CONFIG, "--now", NOW, "--min-controls", "3", "--format", "json");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines())
                .filteredOn(l -> Boolean.FALSE.equals(l.get("passed")))
                .extracting(l -> l.get("attack"))
                .containsExactly("consumer-key");
    }

    @Test
    void usageAndConfigurationErrorsExitTwoWithOneLineAndNothingOnStdout() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "issuers: []\nresource:\n  audiences: [a]\n  accepted-key-scopes: [x]\n");

        for (CliRun r : List.of(
                CliRun.run("drill", "--config", CONFIG, "--min-controls", "0"),
                CliRun.run("drill", "--config", CONFIG, "--format", "xml"),
                CliRun.run("drill", "--config", dir.resolve("missing.yaml").toString()),
                CliRun.run("drill"),
                CliRun.run("drill", "--config", bad.toString()))) {
            assertThat(r.status()).as(r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).hasSize(1);
        }
        assertThat(CliRun.run("drill", "--config", bad.toString()).err())
                .contains("configuration error")
                .contains("issuers");
    }

    @Test
    void shadowOutWritesAShadowThatShadowInDrillsWithTheSameKeys() throws IOException {
        Path shadow = dir.resolve("shadow");
        CliRun out = CliRun.run("drill", "--config", CONFIG, "--shadow-out", shadow.toString());
        assertThat(out.status()).as(out.err()).isZero();
        assertThat(shadow.resolve("shadow.yaml")).exists();
        assertThat(Files.readString(shadow.resolve("shadow.yaml")))
                .contains("jwks-file")
                .doesNotContain("ledger:");
        CliRun in = CliRun.run("drill", "--config", CONFIG, "--shadow-in", shadow.toString(), "--format", "json");
        assertThat(in.status()).as(in.out() + in.err()).isZero();
        assertThat(in.lines()).allSatisfy(l -> assertThat(l).doesNotContainKey("target"));
    }

    @Test
    void targetUsageErrorsExitTwoWithOneLineAndNothingOnStdout() throws IOException {
        Path shadow = dir.resolve("shadow");
        assertThat(CliRun.run("drill", "--config", CONFIG, "--shadow-out", shadow.toString())
                        .status())
                .isZero();
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(Path.of(CONFIG)).replace("name: contoso", "name: fabrikam"));
        String url = "http://127.0.0.1:1/api/me";
        for (CliRun r : List.of(
                CliRun.run("drill", "--config", CONFIG, "--target", url),
                CliRun.run("drill", "--config", CONFIG, "--shadow-out", shadow.toString(), "--target", url),
                CliRun.run(
                        "drill", "--config", CONFIG, "--shadow-in", shadow.toString(), "--target", url, "--now", NOW),
                CliRun.run(
                        "drill", "--config", CONFIG, "--shadow-in", shadow.toString(), "--target", "ftp://127.0.0.1/x"),
                CliRun.run(
                        "drill",
                        "--config",
                        CONFIG,
                        "--shadow-in",
                        dir.resolve("none").toString(),
                        "--target",
                        url),
                CliRun.run("drill", "--config", other.toString(), "--shadow-in", shadow.toString(), "--target", url),
                CliRun.run("drill", "--config", CONFIG, "--shadow-in", shadow.toString(), "--target", url))) {
            assertThat(r.status()).as(r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).hasSize(1);
        }
        assertThat(CliRun.run("drill", "--config", other.toString(), "--shadow-in", shadow.toString())
                        .err())
                .contains("--shadow-in")
                .contains("another policy");
        assertThat(CliRun.run("drill", "--config", CONFIG, "--shadow-in", shadow.toString(), "--target", url)
                        .err())
                .contains("--target: cannot reach http://127.0.0.1:1/api/me");
    }
}
