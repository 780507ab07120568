package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.PathRoute;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeyfenceFailureAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Property binding, activation, startup failures naming the property, and user beans winning. */
class KeyfenceStartupTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KeyfenceAutoConfiguration.class))
            .withPropertyValues(
                    "keyfence.issuers[0].name=contoso",
                    "keyfence.issuers[0].issuer=https://login.example.test/{tenantid}/v2.0",
                    "keyfence.issuers[0].jwks-uri=https://login.example.test/common/keys",
                    "keyfence.issuers[0].key-scope=enterprise",
                    "keyfence.issuers[0].tenants=tid-a,tid-b",
                    "keyfence.issuers[1].name=consumer",
                    "keyfence.issuers[1].issuer=https://login.example.test/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
                    "keyfence.issuers[1].jwks-uri=https://login.example.test/consumers/keys",
                    "keyfence.issuers[1].key-scope=consumer",
                    "keyfence.resource.audiences=api://mail",
                    "keyfence.resource.accepted-key-scopes=enterprise");

    @Test
    void staysOffWithoutKeyfenceProperties() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeyfenceAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenValidator.class));
    }

    @Test
    void bindsKebabCaseIndexedAndCommaSeparatedProperties() {
        runner.withPropertyValues(
                        "keyfence.resource.clock-skew=PT30S",
                        "keyfence.jwks.max-stale=PT1H",
                        "keyfence.keys.revoked[0]=kid:abc",
                        "keyfence.keys.revoked[1]=kid:def")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TokenValidator validator = context.getBean(TokenValidator.class);
                    assertThat(validator.policy().issuers())
                            .extracting(i -> i.name())
                            .containsExactly("contoso", "consumer");
                    assertThat(validator.policy().issuers().get(0).tenants())
                            .containsExactlyInAnyOrder("tid-a", "tid-b");
                    assertThat(validator.resource().clockSkew()).hasSeconds(30);
                    assertThat(validator.policy().jwks().maxStale()).hasHours(1);
                    assertThat(validator.policy().keys().revoked()).hasSize(2);
                    assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(KeyfenceJwtDecoder.class);
                });
    }

    @Test
    void failsStartupNamingAPropertyWithABadValue() {
        runner.withPropertyValues("keyfence.resource.clock-skew=PT10M").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).startsWith("keyfence.resource.clock-skew: ");
            FailureAnalysis analysis = new KeyfenceFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("keyfence.resource.clock-skew");
            assertThat(analysis.getAction()).contains("keyfence.resource.clock-skew");
        });
    }

    @Test
    void failsStartupNamingAnUnknownProperty() {
        runner.withPropertyValues("keyfence.resource.clock-skwe=PT30S").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure()))
                    .startsWith("keyfence.resource.clock-skwe: unknown setting");
        });
    }

    @Test
    void failsStartupNamingAMissingIssuerSetting() {
        runner.withPropertyValues(
                        "keyfence.issuers[2].name=partner", "keyfence.issuers[2].issuer=https://partner.example")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure())).startsWith("keyfence.issuers[2].jwks-uri: ");
                });
    }

    @Test
    void failsStartupWhenAScopeIsAcceptedThatNoIssuerCarries() {
        runner.withPropertyValues(
                        "keyfence.resources.mail.paths=/mail/**", "keyfence.resources.mail.accepted-key-scopes=partner")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .startsWith("keyfence.resources.mail.accepted-key-scopes: ");
                });
    }

    @Test
    void failsStartupNamingABadPathPatternAndExplainingTheTwoForms() {
        runner.withPropertyValues(
                        "keyfence.resources.admin.paths=/admin/**,/console/*",
                        "keyfence.resources.admin.audiences=api://admin")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .startsWith("keyfence.resources.admin.paths[1]: \"/console/*\"")
                            .contains("write \"/console/**\"", "\"/exact\" (that path only)");
                });
    }

    @Test
    void failsStartupNamingABadPathPatternInTheYamlFile(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("keyfence.yaml");
        Files.writeString(yaml, """
                issuers:
                  - name: contoso
                    issuer: "https://login.example.test/{tenantid}/v2.0"
                    jwks-uri: "https://login.example.test/common/keys"
                    key-scope: enterprise
                    tenants: ["tid-a"]
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                resources:
                  admin:
                    paths: ["/admin/*"]
                """);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeyfenceAutoConfiguration.class))
                .withPropertyValues("keyfence.config=" + yaml)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .startsWith("keyfence.config: file ")
                            .contains("resources.admin.paths[0]: \"/admin/*\"", "write \"/admin/**\"");
                });
    }

    @Test
    void validatorBeanCarriesThePathProfiles() {
        runner.withPropertyValues(
                        "keyfence.resources.admin.paths=/admin/**", "keyfence.resources.admin.audiences=api://admin")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TokenValidator validator = context.getBean(TokenValidator.class);
                    assertThat(validator.forPath("/admin/users"))
                            .isInstanceOfSatisfying(
                                    PathRoute.Matched.class,
                                    m -> assertThat(m.profile()).contains("admin"));
                });
    }

    @Test
    void loadsTheYamlFileNamedByKeyfenceConfig(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("keyfence.yaml");
        Files.writeString(yaml, """
                issuers:
                  - name: contoso
                    issuer: "https://login.example.test/{tenantid}/v2.0"
                    jwks-uri: "https://login.example.test/common/keys"
                    key-scope: enterprise
                    tenants: ["tid-a"]
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                resources:
                  calendar:
                    paths: ["/calendar/**"]
                    audiences: ["api://calendar"]
                """);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeyfenceAutoConfiguration.class))
                .withPropertyValues("keyfence.config=" + yaml)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenValidator.class)
                                    .policy()
                                    .issuers()
                                    .get(0)
                                    .name())
                            .isEqualTo("contoso");
                    assertThat(context.getBean(KeyfenceConfig.class)
                                    .resources()
                                    .get(0)
                                    .paths())
                            .containsExactly("/calendar/**");
                });
    }

    @Test
    void failsStartupNamingKeyfenceConfigAndTheSettingInTheFile(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("keyfence.yaml");
        Files.writeString(
                yaml, "issuers: []\nresource:\n  audiences: [\"api://mail\"]\n  accepted-key-scopes: [enterprise]\n");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeyfenceAutoConfiguration.class))
                .withPropertyValues("keyfence.config=" + yaml)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .startsWith("keyfence.config: file ")
                            .contains("issuers: ");
                });
    }

    @Test
    void userDefinedJwtDecoderWins() {
        runner.withUserConfiguration(UserDecoder.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JwtDecoder.class)).isSameAs(context.getBean(UserDecoder.class).decoder);
            assertThat(context).doesNotHaveBean(KeyfenceJwtDecoder.class);
            assertThat(context).hasSingleBean(TokenValidator.class);
        });
    }

    @Test
    void policyCustomizerAppliesBeforeTheValidatorIsBuilt() {
        java.time.Clock fixed =
                java.time.Clock.fixed(java.time.Instant.parse("2021-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        runner.withBean(KeyfencePolicyCustomizer.class, () -> policy -> policy.clock(fixed))
                .run(context -> assertThat(
                                context.getBean(TokenValidator.class).policy().clock())
                        .isSameAs(fixed));
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof dev.keyfence.spring.internal.KeyfencePropertyException)) {
            t = t.getCause();
        }
        assertThat(t)
                .as("a KeyfencePropertyException in the cause chain of " + failure)
                .isInstanceOf(dev.keyfence.spring.internal.KeyfencePropertyException.class);
        return t.getMessage();
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDecoder {
        final JwtDecoder decoder = token -> Jwt.withTokenValue(token)
                .header("alg", "none")
                .claim("sub", "x")
                .build();

        @Bean
        JwtDecoder userJwtDecoder() {
            return decoder;
        }
    }
}
