package dev.keyfence.posture;

import static dev.keyfence.posture.PostureSetup.ISSUER;
import static dev.keyfence.posture.PostureSetup.clean;
import static dev.keyfence.posture.PostureSetup.codes;
import static dev.keyfence.posture.PostureSetup.issuer;
import static dev.keyfence.posture.PostureSetup.only;
import static dev.keyfence.posture.PostureSetup.policy;
import static dev.keyfence.posture.PostureSetup.report;
import static dev.keyfence.posture.PostureSetup.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyPolicy;
import dev.keyfence.NamedResource;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.TestKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LONG_CLOCK_SKEW: for the validator's resource and for every further resource profile. */
class ResourceFindingsTest {
    final TrustedIssuer contoso = issuer(clean(TestKey.rsa("k1"), ISSUER)).build();

    ValidationPolicy.Builder withSkew(Duration skew) {
        return policy(resource().clockSkew(skew).build(), KeyPolicy.defaults(), contoso);
    }

    @Test
    void reportsClockSkewOverTwoMinutes() {
        PostureReport report = report(withSkew(Duration.ofMinutes(3)));

        Finding f = only(report, FindingCode.LONG_CLOCK_SKEW);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.issuerName()).isEmpty();
        assertThat(f.issuer()).isEmpty();
        assertThat(f.kid()).isEmpty();
        assertThat(f.message()).contains("resource mail").contains("PT3M").contains("PT2M");
    }

    @Test
    void clockSkewOfExactlyTwoMinutesIsNotReported() {
        PostureReport report = report(withSkew(Duration.ofMinutes(2)));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void checksFurtherResourceProfilesOncePerName() {
        TokenValidator validator = TokenValidator.create(policy(contoso).build());
        var calendar =
                resource().name("calendar").clockSkew(Duration.ofMinutes(4)).build();
        var mailAgain = resource().clockSkew(Duration.ofMinutes(5)).build();

        PostureReport report = PostureReport.of(
                validator,
                List.of(
                        new NamedResource("calendar", List.of("/calendar/**"), calendar),
                        new NamedResource("mail", List.of("/mail/**"), mailAgain)));

        assertThat(codes(report)).containsExactly(FindingCode.LONG_CLOCK_SKEW);
        assertThat(report.findings().get(0).message()).contains("resource calendar");
        assertThat(report.resources()).extracting(r -> r.resource().name()).containsExactly("mail", "calendar");
        assertThat(report.resources().get(0).paths()).isEmpty();
        assertThat(report.resources().get(1).paths()).containsExactly("/calendar/**");
    }
}
