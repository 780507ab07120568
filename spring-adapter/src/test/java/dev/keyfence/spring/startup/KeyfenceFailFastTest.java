package dev.keyfence.spring.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Real {@code SpringApplication} startups with a bad {@code keyfence.*} setting: each fails with
 * the failure analyzer's message naming the property as written, never starts without Keyfence,
 * and prints no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyfenceFailFastTest {
    private static final String[] GOOD = {
        "--keyfence.issuers[0].name=contoso",
        "--keyfence.issuers[0].issuer=https://login.example.test/{tenantid}/v2.0",
        "--keyfence.issuers[0].jwks-uri=https://login.example.test/common/keys",
        "--keyfence.issuers[0].key-scope=enterprise",
        "--keyfence.issuers[0].tenants=tid-a",
        "--keyfence.resource.audiences=api://mail",
        "--keyfence.resource.accepted-key-scopes=enterprise"
    };

    @Test
    void singularIssuerTypoInApplicationPropertiesFailsAServletAppNamingTheProperty(
            @TempDir Path dir, CapturedOutput output) throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, """
                keyfence.issuer[0].issuer=https://login.example.test/{tenantid}/v2.0
                keyfence.issuer[0].jwks-uri=https://login.example.test/common/keys
                keyfence.resource.audiences=api://mail
                """);
        assertThatThrownBy(() -> start(
                        WebApplicationType.SERVLET, "--server.port=0", "--spring.config.location=file:" + properties))
                .isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("Keyfence configuration is invalid: keyfence.issuer[0].issuer: unknown setting")
                .contains("application.properties")
                .contains("Fix the property 'keyfence.issuer[0].issuer'")
                .doesNotContain("Basic realm")
                .doesNotContain("\tat ");
    }

    @Test
    void aKeyfencePropertyWithoutIssuersFailsStartupInsteadOfSwitchingKeyfenceOff(CapturedOutput output) {
        assertThatThrownBy(() -> start(WebApplicationType.NONE, "--keyfence.jwks.allow-http-lookback=true"))
                .isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("Keyfence configuration is invalid: keyfence.issuers: required")
                .contains("keyfence.jwks.allow-http-lookback")
                .doesNotContain("\tat ");
    }

    @Test
    void anAuditBoundOutOfRangeFailsNamingTheProperty(CapturedOutput output) {
        String[] args = java.util.Arrays.copyOf(GOOD, GOOD.length + 1);
        args[GOOD.length] = "--keyfence.audit-lines-per-second=0";
        assertThatThrownBy(() -> start(WebApplicationType.SERVLET, withPort(args)))
                .hasStackTraceContaining("audit-lines-per-second: between 1 and 100000, was 0");
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "Keyfence configuration is invalid: keyfence.audit-lines-per-second: between 1 and 100000, was 0")
                .doesNotContain("\tat ");
    }

    @Test
    void plainHttpJwksUriFailsThroughTheAnalyzerNamingThePropertyAndTheLoopbackSwitch(CapturedOutput output) {
        String[] args = GOOD.clone();
        args[2] = "--keyfence.issuers[0].jwks-uri=http://login.example.test/common/keys";
        assertThatThrownBy(() -> start(WebApplicationType.SERVLET, withPort(args)))
                .isNotNull();
        String all = output.getOut() + output.getErr();
        assertThat(all)
                .contains("Keyfence configuration is invalid: keyfence.issuers[0].jwks-uri: plain http is refused")
                .contains("keyfence.jwks.allow-http-loopback=true")
                .contains("Fix the property 'keyfence.issuers[0].jwks-uri'")
                .doesNotContain("issuers[contoso]")
                .doesNotContain("\tat ");
    }

    @Test
    void plainHttpToAnotherHostFailsEvenWithTheLoopbackSwitch(CapturedOutput output) {
        String[] args = GOOD.clone();
        args[2] = "--keyfence.issuers[0].jwks-uri=http://10.0.0.1/common/keys";
        String[] withLoopback = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args),
                        java.util.stream.Stream.of("--keyfence.jwks.allow-http-loopback=true"))
                .toArray(String[]::new);
        assertThatThrownBy(() -> start(WebApplicationType.NONE, withLoopback)).isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("keyfence.issuers[0].jwks-uri: plain http is allowed only to 127.0.0.0/8 or ::1")
                .contains("keyfence.jwks.allow-http-loopback")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownEnvironmentVariableIsNamedWithItsOrigin(CapturedOutput output) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-systemEnvironment", Map.of("KEYFENCE_RESOURCE_CLOCKSKEW", "PT30S")));
        assertThatThrownBy(() -> new SpringApplicationBuilder(StartupApp.class)
                        .web(WebApplicationType.NONE)
                        .environment(environment)
                        .run(GOOD))
                .isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("Keyfence configuration is invalid: keyfence.resource.clockskew: unknown setting")
                .contains("KEYFENCE_RESOURCE_CLOCKSKEW")
                .doesNotContain("\tat ");
    }

    @Test
    void aProfilePathWithAWildcardInTheMiddleFailsAWebFluxAppNamingTheProperty(CapturedOutput output) {
        String[] args = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(withPort(GOOD)),
                        java.util.stream.Stream.of("--keyfence.resources.admin.paths=/api/*/admin"))
                .toArray(String[]::new);
        assertThatThrownBy(() -> start(WebApplicationType.REACTIVE, args)).isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("Keyfence configuration is invalid: keyfence.resources.admin.paths[0]: ")
                .contains("'*' is allowed only as a final \"/**\"")
                .doesNotContain("\tat ");
    }

    @Test
    void aValidConfigurationStarts() {
        try (ConfigurableApplicationContext context = start(WebApplicationType.NONE, GOOD)) {
            assertThat(context.getBean(dev.keyfence.TokenValidator.class)
                            .policy()
                            .issuers())
                    .hasSize(1);
        }
    }

    @Test
    void noKeyfencePropertyLeavesKeyfenceOff() {
        try (ConfigurableApplicationContext context = start(WebApplicationType.NONE)) {
            assertThat(context.getBeansOfType(dev.keyfence.TokenValidator.class))
                    .isEmpty();
        }
    }

    private static String[] withPort(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "--server.port=0";
        return out;
    }

    private static ConfigurableApplicationContext start(WebApplicationType type, String... args) {
        return new SpringApplicationBuilder(StartupApp.class).web(type).run(args);
    }
}
