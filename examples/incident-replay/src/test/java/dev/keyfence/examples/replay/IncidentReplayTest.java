package dev.keyfence.examples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the whole replay in-process, on ephemeral ports, once, and checks its table row by row. */
class IncidentReplayTest {

    @TempDir
    static Path dir;

    private static Path report;
    private static ReplayResult result;

    @BeforeAll
    static void replay() {
        report = dir.resolve("incident-report.html");
        result = IncidentReplay.run(report);
    }

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void keyfenceSpringColumnAnswersAsTheScenarioExpects(Scenario scenario) {
        assertKeyfenceColumn(scenario, KeyfenceServers.SPRING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void keyfenceServletColumnAnswersAsTheScenarioExpects(Scenario scenario) {
        assertKeyfenceColumn(scenario, KeyfenceServers.SERVLET);
    }

    @Test
    void everyRowIsPlayedOnceInTimelineOrder() {
        assertThat(result.rows())
                .extracting(r -> r.scenario().id())
                .containsExactlyElementsOf(
                        Scenarios.all().stream().map(Scenario::id).toList());
        assertThat(result.columns())
                .extracting(Column::name)
                .containsExactly("common setup", KeyfenceServers.SPRING, KeyfenceServers.SERVLET);
    }

    @Test
    void keyfenceRejectsThe2023ForgeryBecauseTheConsumerKeyExpiredIn2021() {
        Response spring = response("forgery-2023", KeyfenceServers.SPRING);
        assertThat(spring.status()).isEqualTo(401);
        assertThat(spring.reason()).contains(Reason.KEY_EXPIRED.name());
    }

    @Test
    void keyfenceRefusesAConsumerTokenAtTheEnterpriseOnlyApiForItsKeyScope() {
        for (String column : List.of(KeyfenceServers.SPRING, KeyfenceServers.SERVLET)) {
            Response r = response("consumer-token-admin", column);
            assertThat(r.status()).as(column).isEqualTo(401);
            assertThat(r.reason()).as(column).contains(Reason.KEY_SCOPE_NOT_ACCEPTED.name());
        }
    }

    @Test
    void keyScopeSeparationStopsThe2023ForgeryAtTheEnterpriseOnlyApiBeforeTheExpiryCheck() {
        // the same token shape and key as forgery-2023; msa-2016 has no issuer member
        for (String column : List.of(KeyfenceServers.SPRING, KeyfenceServers.SERVLET)) {
            assertThat(response("forgery-2023", column).reason()).as(column).contains(Reason.KEY_EXPIRED.name());
            Response admin = response("forgery-2023-admin", column);
            assertThat(admin.status()).as(column).isEqualTo(401);
            assertThat(admin.reason()).as(column).contains(Reason.KEY_SCOPE_NOT_ACCEPTED.name());
        }
        assertThat(response("forgery-2023-admin", "common setup").status()).isEqualTo(200);
    }

    @Test
    void enterpriseOnlyApiRowsCallTheAdminPathAndTheOthersTheMailApi() {
        assertThat(Scenarios.all())
                .filteredOn(s -> s.path().equals(Scenarios.ADMIN))
                .extracting(Scenario::id)
                .containsExactly("legit-enterprise-admin", "consumer-token-admin", "forgery-2023-admin");
    }

    @Test
    void commonSetupsTenantClaimCheckStopsTheHonestConsumerTokenAtTheAdminApi() {
        assertThat(response("consumer-token-admin", "common setup").status()).isEqualTo(403);
    }

    @Test
    void commonSetupAcceptsThe2023ForgeryAndTheOtherKeyAttacks() {
        for (String id : List.of(
                "forgery-2023", "consumer-key-enterprise", "forgery-2023-admin", "cross-tenant", "revoked-key")) {
            assertThat(response(id, "common setup").status()).as(id).isEqualTo(200);
        }
    }

    @Test
    void commonSetupAcceptsEveryLegitimateToken() {
        assertThat(response("legit-enterprise", "common setup").status()).isEqualTo(200);
        assertThat(response("legit-consumer", "common setup").status()).isEqualTo(200);
        assertThat(response("legit-enterprise-admin", "common setup").status()).isEqualTo(200);
    }

    @Test
    void commonSetupRejectsTheTokensSpringsDefaultsAlreadyStop() {
        for (String id : List.of("alg-none", "hs256-public-key", "jku-injection", "expired-token")) {
            assertThat(response(id, "common setup").status()).as(id).isEqualTo(401);
        }
    }

    @Test
    void wholeReplayPassesSoTheCommandExitsZero() {
        assertThat(result.allAsExpected()).isTrue();
        assertThat(TextTable.summary(result)).startsWith("PASS");
    }

    @Test
    void textTableHasOneLinePerRowAndNoMismatch() {
        List<String> lines = TextTable.render(result).lines().toList();
        for (Scenario s : Scenarios.all()) {
            assertThat(lines)
                    .filteredOn(line -> line.contains("  " + s.attack() + "  "))
                    .singleElement()
                    .satisfies(line -> assertThat(line).endsWith("  ok"));
        }
    }

    @Test
    void htmlReportExistsIsSelfContainedAndHoldsEveryRow() throws IOException {
        assertThat(report).isRegularFile();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        for (ReplayRow row : result.rows()) {
            assertThat(html).contains("<tr id=\"" + row.scenario().id() + "\">");
            assertThat(html).contains(row.fingerprint());
            assertThat(html).contains("GET " + row.scenario().path() + ", token " + row.fingerprint());
        }
        for (DemoKey key : IncidentIdentityProvider.KEYS) {
            assertThat(html).contains(key.kid() + " (" + key.scope() + ")");
        }
        assertThat(html)
                .contains("<svg")
                .contains("<style>")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("url(")
                .doesNotContain("@import");
    }

    @Test
    void noTokenAppearsInTheReportOrTheTable() throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        String table = TextTable.render(result);
        // every minted token starts with the base64url of {"typ":"at+jwt" or {"alg":
        assertThat(html).doesNotContain("eyJ");
        assertThat(table).doesNotContain("eyJ");
    }

    @Test
    void policyFileIsWrittenBesideTheReport() throws IOException {
        Path config = report.resolveSibling("keyfence-replay.yaml");
        assertThat(config).isRegularFile();
        assertThat(Files.readString(config))
                .contains("kid:" + IncidentIdentityProvider.ENTERPRISE_REVOKED.kid())
                .contains(KeyfencePolicy.ADMIN_PROFILE + ":")
                .contains("accepted-key-scopes: [enterprise]");
    }

    private static void assertKeyfenceColumn(Scenario scenario, String column) {
        Response r = response(scenario.id(), column);
        if (scenario.legitimate()) {
            assertThat(r.status()).as(scenario.id()).isEqualTo(200);
        } else {
            assertThat(r.status()).as(scenario.id()).isEqualTo(401);
            assertThat(r.reason())
                    .as(scenario.id())
                    .contains(scenario.expected().orElseThrow().name());
        }
    }

    private static Response response(String id, String column) {
        return result.row(id).responses().get(result.columnIndex(column));
    }
}
