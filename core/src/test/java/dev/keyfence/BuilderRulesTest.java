package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Builders refuse a setting given twice, naming it, but a builder derived with toBuilder() may replace each copied setting. */
class BuilderRulesTest {
    private static final TrustedIssuer ISSUER = TrustedIssuer.builder()
            .name("idp")
            .issuer("https://idp.example.test")
            .keySource(KeySource.jwks("{\"keys\":[]}"))
            .keyScope("enterprise")
            .build();

    @Test
    void resourceSettingGivenTwiceIsNamed() {
        assertThatThrownBy(() -> ResourcePolicy.builder().audiences("a").audiences("b"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("resource.audiences: given twice");
        assertThatThrownBy(
                        () -> ResourcePolicy.builder().clockSkew(Duration.ZERO).clockSkew(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("resource.clock-skew: given twice");
    }

    @Test
    void derivedResourceMayReplaceCopiedSettings() {
        ResourcePolicy mail = ResourcePolicy.builder()
                .audiences("api://mail")
                .acceptedKeyScopes("enterprise")
                .build();
        ResourcePolicy admin =
                mail.toBuilder().name("admin").audiences("api://admin").build();
        assertThat(admin.audiences()).containsExactly("api://admin");
        assertThat(admin.acceptedKeyScopes()).containsExactly("enterprise");
        assertThat(mail.audiences()).containsExactly("api://mail");
    }

    @Test
    void policySettingGivenTwiceIsNamedButDerivedPolicyMayReplaceIt() {
        ResourcePolicy resource = ResourcePolicy.builder()
                .audiences("api")
                .acceptedKeyScopes("enterprise")
                .build();
        assertThatThrownBy(() -> ValidationPolicy.builder().maxTokenBytes(4096).maxTokenBytes(8192))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("max-token-bytes: given twice");
        ValidationPolicy policy = ValidationPolicy.builder()
                .issuer(ISSUER)
                .resource(resource)
                .maxTokenBytes(4096)
                .build();
        Clock fixed = Clock.fixed(Instant.parse("2023-05-15T00:00:00Z"), ZoneOffset.UTC);
        ValidationPolicy derived =
                policy.toBuilder().maxTokenBytes(8192).clock(fixed).build();
        assertThat(derived.maxTokenBytes()).isEqualTo(8192);
        assertThat(derived.clock()).isSameAs(fixed);
        assertThat(policy.maxTokenBytes()).isEqualTo(4096);
    }
}
