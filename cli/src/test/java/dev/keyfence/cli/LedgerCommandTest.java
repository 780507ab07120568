package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ledger.KeyLedger;
import dev.keyfence.ledger.KeyLedgers;
import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCommandTest {
    static final String A = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    static final String B = "B_second_key_material_with_the_same_kid_000";
    static final Instant T0 = Instant.parse("2023-05-15T10:00:00Z");
    static final String POLICY = """
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

    String config;

    @BeforeEach
    void seedLedger() throws Exception {
        config = Files.writeString(dir.resolve("keyfence.yaml"), POLICY + "ledger:\n  directory: ledger\n")
                .toString();
        KeyRecord.Publisher common =
                new KeyRecord.Publisher("contoso", "https://login.example.test/tid-a/v2.0", "enterprise");
        KeyRecord.Publisher consumer =
                new KeyRecord.Publisher("consumer", "https://login.example.test/9188/v2.0", "consumer");
        try (KeyLedger ledger = KeyLedgers.directory(dir.resolve("ledger"))) {
            ledger.append(LedgerBatch.of(
                    KeyRecord.of(A).seen("shared-kid", common, T0).seen("shared-kid", consumer, T0.plusSeconds(5)),
                    KeyRecord.of(B).seen("shared-kid", consumer, T0).removed(T0.plusSeconds(60))));
        }
    }

    @Test
    void showPrintsOneLinePerKeyWithItsHistory() {
        CliRun run = CliRun.run("ledger", "show", "--config", config);
        assertThat(run.status()).as(run.err()).isZero();
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("thumbprint")).containsExactly(B, A);
        Map<String, Object> a = lines.get(1);
        assertThat(a.get("scopes")).isEqualTo(List.of("consumer", "enterprise"));
        assertThat(a.get("firstSeen")).isEqualTo(T0.toString());
        assertThat(a.get("revoked")).isEqualTo(false);
        assertThat(lines.get(0).get("retiredAt")).isEqualTo(T0.plusSeconds(60).toString());
    }

    @Test
    void revokeByKidRevokesEveryKeyUnderThatKidAndReinstateNeedsOneKey() {
        CliRun revoke = CliRun.run(
                "ledger",
                "revoke",
                "--config",
                config,
                "--key",
                "kid:shared-kid",
                "--actor",
                "alice",
                "--reason",
                "key leaked");
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(revoke.lines()).extracting(l -> l.get("revoked")).containsExactly(true, true);

        CliRun ambiguous = CliRun.run(
                "ledger",
                "reinstate",
                "--config",
                config,
                "--key",
                "kid:shared-kid",
                "--actor",
                "bob",
                "--reason",
                "checked");
        assertThat(ambiguous.status()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("names 2 keys").contains("jkt:");

        CliRun reinstate = CliRun.run(
                "ledger",
                "reinstate",
                "--config",
                config,
                "--key",
                "jkt:" + B,
                "--actor",
                "bob",
                "--reason",
                "checked");
        assertThat(reinstate.status()).as(reinstate.err()).isZero();
        assertThat(reinstate.lines().get(0).get("revoked")).isEqualTo(false);
        assertThat(CliRun.get(reinstate.lines().get(0), "retiredAt"))
                .as("reinstating also ends retirement")
                .isNull();

        Map<String, Object> a = CliRun.run("ledger", "show", "--config", config, "--key", "jkt:" + A)
                .lines()
                .get(0);
        assertThat(a.get("revoked")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> revocation = ((List<Map<String, Object>>) a.get("revocations")).get(0);
        assertThat(revocation.get("actor")).isEqualTo("alice");
        assertThat(revocation.get("reason")).isEqualTo("key leaked");
    }

    @Test
    void operatorAndReasonAreRequiredAndAConfigWithoutLedgerIsAUsageError() throws Exception {
        assertThat(CliRun.run("ledger", "revoke", "--config", config, "--key", "jkt:" + A, "--reason", "x")
                        .status())
                .isEqualTo(2);
        assertThat(CliRun.run("ledger", "revoke", "--config", config, "--key", "jkt:" + A, "--actor", "alice")
                        .status())
                .isEqualTo(2);
        CliRun blank = CliRun.run(
                "ledger", "revoke", "--config", config, "--key", "jkt:" + A, "--actor", " ", "--reason", "x");
        assertThat(blank.status()).isEqualTo(2);
        assertThat(blank.err()).contains("--actor");
        CliRun unknownKid = CliRun.run(
                "ledger", "revoke", "--config", config, "--key", "kid:nobody", "--actor", "a", "--reason", "r");
        assertThat(unknownKid.status()).isEqualTo(2);
        assertThat(unknownKid.err()).contains("no key with kid nobody");
        String noLedger = Files.writeString(dir.resolve("plain.yaml"), POLICY).toString();
        CliRun none = CliRun.run("ledger", "show", "--config", noLedger);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no ledger: section");
        assertThat(CliRun.run("ledger").status()).isEqualTo(2);
    }
}
