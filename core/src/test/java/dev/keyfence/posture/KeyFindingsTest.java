package dev.keyfence.posture;

import static dev.keyfence.posture.PostureSetup.ISSUER;
import static dev.keyfence.posture.PostureSetup.NOW;
import static dev.keyfence.posture.PostureSetup.clean;
import static dev.keyfence.posture.PostureSetup.codes;
import static dev.keyfence.posture.PostureSetup.issuer;
import static dev.keyfence.posture.PostureSetup.only;
import static dev.keyfence.posture.PostureSetup.policy;
import static dev.keyfence.posture.PostureSetup.report;
import static dev.keyfence.posture.PostureSetup.resource;
import static dev.keyfence.posture.PostureSetup.some;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The findings about single keys: scope sharing, expiry, age, strength, window and issuer binding. */
class KeyFindingsTest {
    static final String CONSUMER = "https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";

    @Test
    void reportsKeyPublishedForTwoScopesUnderEachIssuerAsCritical() {
        TestKey shared = TestKey.rsa("shared-1");
        TrustedIssuer consumer = TrustedIssuer.builder()
                .name("consumer")
                .issuer(CONSUMER)
                .keyScope("consumer")
                .keySource(KeySource.jwks(JwkSet.of(clean(shared, CONSUMER)).toJson()))
                .build();

        PostureReport report = report(policy(issuer(clean(shared, ISSUER)).build(), consumer));

        List<Finding> found = report.findings().stream()
                .filter(f -> f.code() == FindingCode.KEY_SHARED_ACROSS_SCOPES)
                .toList();
        assertThat(found).extracting(Finding::issuerName).containsExactly(some("contoso"), some("consumer"));
        assertThat(found).extracting(Finding::issuer).containsExactly(some(ISSUER), some(CONSUMER));
        assertThat(found).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.kid()).contains("shared-1");
            assertThat(f.message()).contains("[consumer, enterprise]");
        });
        assertThat(report.findings().get(0).code()).isEqualTo(FindingCode.KEY_SHARED_ACROSS_SCOPES);
    }

    @Test
    void reportsExpiredKeyThatIsStillPublished() {
        TestKey expired = TestKey.rsa("expired-2021");
        PostureReport report = report(policy(issuer(expired.jwk()
                        .member("issuer", ISSUER)
                        .certificate(Instant.parse("2020-04-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z")))
                .build()));

        Finding f = only(report, FindingCode.EXPIRED_KEY_PUBLISHED);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.issuerName()).contains("contoso");
        assertThat(f.kid()).contains("expired-2021");
        assertThat(f.message()).contains("2021-04-01T00:00:00Z").contains("x5c").contains("still published");
    }

    @Test
    void reportsKeyOlderThanTheAuditDefaultOf365DaysWhenMaxAgeIsUnset() {
        TestKey old = TestKey.rsa("old-2019");
        PostureReport report = report(policy(issuer(old.jwk()
                        .member("issuer", ISSUER)
                        .certificate(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")))
                .build()));

        Finding f = only(report, FindingCode.KEY_TOO_OLD);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.kid()).contains("old-2019");
        assertThat(f.message())
                .contains("2192 days old")
                .contains("over 365 days")
                .contains("audit default");
    }

    @Test
    void keyAgeCountsAgainstMaxAgeWhenSetAndOnlyBeyondTheLimit() {
        TestKey key = TestKey.rsa("aging");
        Instant born = NOW.minus(Duration.ofDays(400));
        var issuer = issuer(key.jwk().member("issuer", ISSUER).certificate(born, NOW.plus(Duration.ofDays(100))))
                .build();

        PostureReport over = report(policy(
                resource().build(),
                KeyPolicy.builder().maxAge(Duration.ofDays(399)).build(),
                issuer));
        PostureReport exactly = report(policy(
                resource().build(),
                KeyPolicy.builder().maxAge(Duration.ofDays(400)).build(),
                issuer));
        PostureReport under = report(policy(
                resource().build(),
                KeyPolicy.builder().maxAge(Duration.ofDays(3000)).build(),
                issuer));

        assertThat(only(over, FindingCode.KEY_TOO_OLD).message()).contains("over 399 days (keys.max-age)");
        assertThat(codes(exactly)).doesNotContain(FindingCode.KEY_TOO_OLD);
        assertThat(codes(under)).doesNotContain(FindingCode.KEY_TOO_OLD);
    }

    @Test
    void reportsRsaKeyUnderTheMinimumModulus() {
        PostureReport report = report(
                policy(issuer(clean(TestKey.rsa("weak-1024", 1024), ISSUER)).build()));

        Finding f = only(report, FindingCode.WEAK_KEY);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.kid()).contains("weak-1024");
        assertThat(f.message()).contains("RSA modulus of 1024 bits is under 2048");
    }

    @Test
    void reportsKeyOnACurveThePolicyDoesNotAllow() {
        var keys = KeyPolicy.builder().allowedCurves(Set.of("P-256")).build();

        PostureReport p384 = report(policy(
                resource().build(),
                keys,
                issuer(clean(TestKey.ec("ec-384", "P-384"), ISSUER)).build()));
        PostureReport p256 = report(policy(
                resource().build(),
                keys,
                issuer(clean(TestKey.ec("ec-256", "P-256"), ISSUER)).build()));

        assertThat(only(p384, FindingCode.WEAK_KEY).message()).contains("curve P-384 is not allowed");
        assertThat(codes(p256)).doesNotContain(FindingCode.WEAK_KEY);
    }

    @Test
    void reportsKeyWithoutAnyValidityWindow() {
        PostureReport report = report(policy(
                issuer(TestKey.rsa("plain-1").jwk().member("issuer", ISSUER)).build()));

        Finding f = only(report, FindingCode.KEY_WITHOUT_VALIDITY);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.kid()).contains("plain-1");
        assertThat(codes(report)).containsExactly(FindingCode.KEY_WITHOUT_VALIDITY);
    }

    @Test
    void keyWithJwkDatesHasAValidityWindow() {
        PostureReport report = report(policy(issuer(TestKey.rsa("dated")
                        .jwk()
                        .member("issuer", ISSUER)
                        .member("nbf", NOW.minus(Duration.ofDays(10)).getEpochSecond())
                        .member("exp", NOW.plus(Duration.ofDays(10)).getEpochSecond()))
                .build()));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void reportsKeyWithoutIssuerMember() {
        PostureReport report =
                report(policy(issuer(TestKey.rsa("unbound").jwk().certificate(PostureSetup.Y2024, PostureSetup.Y2026))
                        .build()));

        Finding f = only(report, FindingCode.KEY_WITHOUT_ISSUER_BINDING);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.kid()).contains("unbound");
        assertThat(codes(report)).containsExactly(FindingCode.KEY_WITHOUT_ISSUER_BINDING);
    }

    @Test
    void namesKeyWithoutKidByItsThumbprint() {
        TestKey key = TestKey.rsa("no-kid");
        PostureReport report = report(policy(issuer(key.jwk().withoutKid()).build()));

        assertThat(only(report, FindingCode.KEY_WITHOUT_ISSUER_BINDING).kid()).contains("jkt:" + key.thumbprint());
    }
}
