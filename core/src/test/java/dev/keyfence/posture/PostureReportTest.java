package dev.keyfence.posture;

import static dev.keyfence.posture.PostureSetup.ISSUER;
import static dev.keyfence.posture.PostureSetup.NOW;
import static dev.keyfence.posture.PostureSetup.clean;
import static dev.keyfence.posture.PostureSetup.issuer;
import static dev.keyfence.posture.PostureSetup.policy;
import static dev.keyfence.posture.PostureSetup.report;
import static dev.keyfence.posture.PostureSetup.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Control;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyStatus;
import dev.keyfence.testkit.TestKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report as a whole: a clean setup, ordering, severities and thresholds. */
class PostureReportTest {
    final TestKey good = TestKey.rsa("good-1");

    @Test
    void cleanSetupHasNoFindingsAndListsEveryControlAndKey() {
        PostureReport report = report(policy(issuer(clean(good, ISSUER)).build()));

        assertThat(report.findings()).isEmpty();
        assertThat(report.at()).isEqualTo(NOW);
        assertThat(report.controls()).extracting(ControlState::control).containsExactly(Control.values());
        assertThat(report.controls()).allSatisfy(c -> assertThat(c.enabled()).isTrue());
        assertThat(report.issuers()).singleElement().satisfies(i -> {
            assertThat(i.issuer().name()).isEqualTo("contoso");
            assertThat(i.keys()).extracting(KeyStatus::thumbprint).containsExactly(good.thumbprint());
        });
        assertThat(report.hasFindingAtOrAbove(Severity.LOW)).isFalse();
    }

    @Test
    void findingsComeMostSevereFirstEachWithItsCodesSeverity() {
        TestKey weak = TestKey.rsa("weak-1024", 1024);
        PostureReport report = report(policy(
                resource().clockSkew(Duration.ofMinutes(3)).build(),
                KeyPolicy.defaults(),
                issuer(weak.jwk(), clean(good, ISSUER))
                        .algorithms("RS256", "HS256")
                        .build()));

        assertThat(report.findings())
                .extracting(Finding::code)
                .contains(
                        FindingCode.WEAK_KEY,
                        FindingCode.SYMMETRIC_ALGORITHM_ALLOWED,
                        FindingCode.KEY_WITHOUT_VALIDITY,
                        FindingCode.LONG_CLOCK_SKEW);
        assertThat(report.findings()).extracting(Finding::severity).isSorted();
        assertThat(report.findings())
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(f.code().severity()));
        assertThat(report.count(Severity.HIGH)).isEqualTo(2);
        assertThat(report.count(Severity.MEDIUM)).isEqualTo(3);
        assertThat(report.count(Severity.CRITICAL)).isZero();
    }

    @Test
    void findingCodesAreExactlyTheContractsWithTheirSeverities() {
        Map<String, Severity> contract = new LinkedHashMap<>();
        contract.put("KEY_SHARED_ACROSS_SCOPES", Severity.CRITICAL);
        for (String high : new String[] {
            "EXPIRED_KEY_PUBLISHED",
            "KEY_TOO_OLD",
            "WEAK_KEY",
            "TENANT_UNRESTRICTED",
            "SYMMETRIC_ALGORITHM_ALLOWED",
            "INSECURE_KEY_TRANSPORT",
            "ISSUER_UNREACHABLE",
            "SCOPE_KNOWLEDGE_MISSING",
            "KEY_REPUBLISHED"
        }) { // the last two added by issues 14 and 16 (adding is allowed)
            contract.put(high, Severity.HIGH);
        }
        for (String medium : new String[] {"KEY_WITHOUT_VALIDITY", "KEY_WITHOUT_ISSUER_BINDING", "LONG_CLOCK_SKEW"}) {
            contract.put(medium, Severity.MEDIUM);
        }

        Map<String, Severity> actual = new LinkedHashMap<>();
        Arrays.stream(FindingCode.values()).forEach(c -> actual.put(c.name(), c.severity()));

        assertThat(actual).containsExactlyEntriesOf(contract);
    }

    @Test
    void thresholdCountsTheSeverityAndEverythingMoreSerious() {
        PostureReport mediumOnly =
                report(policy(issuer(good.jwk().member("issuer", ISSUER)).build()));

        assertThat(mediumOnly.findings()).extracting(Finding::code).containsExactly(FindingCode.KEY_WITHOUT_VALIDITY);
        assertThat(mediumOnly.hasFindingAtOrAbove(Severity.LOW)).isTrue();
        assertThat(mediumOnly.hasFindingAtOrAbove(Severity.MEDIUM)).isTrue();
        assertThat(mediumOnly.hasFindingAtOrAbove(Severity.HIGH)).isFalse();
        assertThat(mediumOnly.hasFindingAtOrAbove(Severity.CRITICAL)).isFalse();
        assertThat(Severity.CRITICAL.atOrAbove(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.atOrAbove(Severity.HIGH)).isTrue();
        assertThat(Severity.LOW.atOrAbove(Severity.MEDIUM)).isFalse();
        assertThat(Severity.HIGH.label()).isEqualTo("high");
    }

    @Test
    void reportHoldsNoKeyMaterial() {
        PostureReport report = report(policy(issuer(clean(good, ISSUER)).build()));

        String modulus = (String) good.jwk().toMap().get("n");
        assertThat(report.toString()).doesNotContain(modulus.substring(0, 40)).contains(good.thumbprint());
    }
}
