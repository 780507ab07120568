package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each weakening of a sound policy makes the drill fail, naming the exact attack and counting the
 * controls left. The sound policy is drilled alongside, so each test shows the difference.
 */
class DrillWeakenedConfigsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String ENTERPRISE = "https://login.example.test/{tenantid}/v2.0";
    private static final String CONSUMER = "https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";

    @TempDir
    Path dir;

    private static String config(
            String tenants,
            boolean withConsumer,
            String acceptedScopes,
            String requireKeyIssuer,
            String keysSection,
            String enterpriseSource,
            String consumerSource) {
        return "issuers:\n"
                + "  - name: contoso\n"
                + "    issuer: \"" + ENTERPRISE + "\"\n"
                + "    " + enterpriseSource + "\n"
                + "    key-scope: enterprise\n"
                + "    tenants: " + tenants + "\n"
                + "    require-key-issuer: " + requireKeyIssuer + "\n"
                + (withConsumer
                        ? "  - name: consumer\n"
                                + "    issuer: \"" + CONSUMER + "\"\n"
                                + "    " + consumerSource + "\n"
                                + "    key-scope: consumer\n"
                        : "")
                + "resource:\n"
                + "  audiences: [\"api://mail\"]\n"
                + "  accepted-key-scopes: " + acceptedScopes + "\n"
                + keysSection;
    }

    private static String remote(String tenants, boolean withConsumer, String acceptedScopes) {
        return config(
                tenants,
                withConsumer,
                acceptedScopes,
                "false",
                "",
                "jwks-uri: \"https://login.example.test/common/discovery/v2.0/keys\"",
                "jwks-uri: \"https://login.example.test/consumers/discovery/v2.0/keys\"");
    }

    private DrillReport drill(String yaml) {
        return Drill.builder()
                .config(KeyfenceConfig.parse(yaml, dir))
                .at(NOW)
                .build()
                .run();
    }

    private static DrillResult row(DrillReport report, String attack) {
        return report.results().stream()
                .filter(r -> r.attack().equals(attack))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void soundRemotePolicyPasses() {
        DrillReport report = drill(remote("[\"tid-a\"]", true, "[enterprise]"));

        assertThat(report.findings()).isEmpty();
        assertThat(row(report, "consumer-key").controls())
                .containsExactly(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED);
        assertThat(row(report, "cross-tenant").controls()).containsExactly(Reason.TENANT_NOT_ALLOWED);
    }

    @Test
    void anyTenantLetsTheCrossTenantTokenThrough() {
        DrillReport report = drill(remote("[\"*\"]", true, "[enterprise]"));

        assertThat(report.passed()).isFalse();
        DrillResult crossTenant = row(report, "cross-tenant");
        assertThat(crossTenant.valid()).isTrue();
        assertThat(crossTenant.reason()).isEmpty();
        assertThat(crossTenant.controls()).isEmpty();
        assertThat(report.findings())
                .containsExactly("2023: cross-tenant iss/tid (attacker's own tenant): ACCEPTED; "
                        + "issuer contoso: list the allowed tenants instead of [\"*\"]");
    }

    @Test
    void withoutTheConsumerIssuerTheKeyScopeControlIsGone() {
        DrillReport report = drill(remote("[\"tid-a\"]", false, "[enterprise]"));

        assertThat(report.passed()).isFalse();
        DrillResult forgery = row(report, "consumer-key");
        assertThat(forgery.valid()).isFalse();
        assertThat(forgery.controls()).containsExactly(Reason.KEY_ISSUER_MISMATCH);
        assertThat(forgery.finding())
                .hasValue("2023: current consumer key, enterprise tenant: caught by "
                        + "KEY_ISSUER_MISMATCH only (needs 2); configure the consumer issuer (its key source, key-scope: "
                        + "consumer) so its keys are known as consumer keys");
        assertThat(row(report, "expired-consumer-key").controls())
                .containsExactly(
                        Reason.KEY_ISSUER_MISMATCH, Reason.KEY_EXPIRED, Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW);
        assertThat(report.findings()).hasSize(1);
        assertThat(report.minimumKeyForgeryControls()).isEqualTo(1);
    }

    @Test
    void acceptingConsumerKeysLeavesTheIssuerBindingAlone() {
        DrillReport report = drill(remote("[\"tid-a\"]", true, "[enterprise, consumer]"));

        assertThat(report.passed()).isFalse();
        DrillResult forgery = row(report, "consumer-key");
        assertThat(forgery.controls()).containsExactly(Reason.KEY_ISSUER_MISMATCH);
        assertThat(forgery.finding())
                .hasValue("2023: current consumer key, enterprise tenant: caught by "
                        + "KEY_ISSUER_MISMATCH only (needs 2); remove consumer from accepted-key-scopes of resource default "
                        + "(or give consumer accounts a profile of their own)");
        assertThat(report.results()).noneMatch(r -> r.attack().equals("consumer-token"));
    }

    @Test
    void keysWithoutIssuerMembersNeedRequireKeyIssuer() throws IOException {
        Files.writeString(
                dir.resolve("enterprise.json"),
                JwkSet.of(TestKey.rsa("ent-1")
                                .jwk()
                                .member("exp", NOW.plusSeconds(86_400 * 365).getEpochSecond()))
                        .toJson());
        Files.writeString(
                dir.resolve("consumers.json"),
                JwkSet.of(TestKey.rsa("msa-1")
                                .jwk()
                                .member("exp", NOW.plusSeconds(86_400 * 365).getEpochSecond()))
                        .toJson());
        String files = "jwks-file: enterprise.json";
        String consumerFile = "jwks-file: consumers.json";

        DrillReport weak = drill(config("[\"tid-a\"]", true, "[enterprise]", "false", "", files, consumerFile));
        DrillReport sound = drill(config("[\"tid-a\"]", true, "[enterprise]", "true", "", files, consumerFile));

        assertThat(weak.passed()).isFalse();
        assertThat(row(weak, "consumer-key").controls()).containsExactly(Reason.KEY_SCOPE_NOT_ACCEPTED);
        assertThat(row(weak, "consumer-key").finding())
                .hasValue(
                        "2023: current consumer key, enterprise tenant: "
                                + "caught by KEY_SCOPE_NOT_ACCEPTED only (needs 2); set require-key-issuer: true on issuer contoso");
        assertThat(weak.notes())
                .anyMatch(n ->
                        n.contains("issuer consumer") && n.contains("`issuer` member no") && n.contains("jwks-file"));
        assertThat(sound.findings()).isEmpty();
        assertThat(row(sound, "consumer-key").controls())
                .containsExactly(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED);
    }

    @Test
    void removingDeclaredWindowsLeavesTheExpiredKeyOneControl() throws IOException {
        Files.writeString(
                dir.resolve("enterprise.json"), JwkSet.of(TestKey.rsa("ent-1")).toJson());
        Files.writeString(
                dir.resolve("consumers.json"),
                JwkSet.of(TestKey.rsa("msa-2016"), TestKey.rsa("msa-1")).toJson());
        String files = "jwks-file: enterprise.json";
        String consumerFile = "jwks-file: consumers.json";
        String windows = "keys:\n  windows:\n    - kid: msa-2016\n      not-before: \"2016-04-01T00:00:00Z\"\n"
                + "      not-after: \"2021-04-01T00:00:00Z\"\n";

        DrillReport declared =
                drill(config("[\"tid-a\"]", true, "[enterprise]", "false", windows, files, consumerFile));
        DrillReport removed = drill(config("[\"tid-a\"]", true, "[enterprise]", "false", "", files, consumerFile));

        assertThat(row(declared, "expired-consumer-key").controls())
                .containsExactly(
                        Reason.KEY_SCOPE_NOT_ACCEPTED, Reason.KEY_EXPIRED, Reason.TOKEN_ISSUED_OUTSIDE_KEY_WINDOW);
        assertThat(row(declared, "expired-consumer-key").passed()).isTrue();
        DrillResult expired = row(removed, "expired-consumer-key");
        assertThat(expired.passed()).isFalse();
        assertThat(expired.controls()).containsExactly(Reason.KEY_SCOPE_NOT_ACCEPTED);
        assertThat(expired.finding())
                .hasValue("2023: expired consumer key, enterprise tenant: caught by "
                        + "KEY_SCOPE_NOT_ACCEPTED only (needs 2); set require-key-issuer: true on issuer contoso or declare "
                        + "the expired key's window under keys.windows or set keys.max-age");
    }

    @Test
    void minControlsRaisesTheBar() {
        DrillReport report = Drill.builder()
                .config(KeyfenceConfig.parse(remote("[\"tid-a\"]", true, "[enterprise]"), dir))
                .at(NOW)
                .minControls(3)
                .build()
                .run();

        assertThat(report.passed()).isFalse();
        assertThat(report.results())
                .filteredOn(r -> !r.passed())
                .extracting(DrillResult::attack)
                .containsExactly("consumer-key");
    }
}
