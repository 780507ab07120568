package dev.keyfence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyfence.ConfigurationException;
import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The builders name a bad value by the registry's path of the setting (so that a builder's error
 * reads like the file's, and the adapters can name the property): a builder cannot drift to a name
 * the registry does not know.
 */
class BuilderSettingNamesTest {

    @Test
    void everyBuilderErrorNamesARegistrySetting() {
        Map<String, Executable> bad = Map.ofEntries(
                Map.entry("jwks.refresh-interval", () -> JwksSettings.builder().refreshInterval(Duration.ofDays(8))),
                Map.entry(
                        "jwks.min-refetch-interval",
                        () -> JwksSettings.builder().minRefetchInterval(Duration.ofDays(2))),
                Map.entry("jwks.max-stale", () -> JwksSettings.builder().maxStale(Duration.ofDays(400))),
                Map.entry("jwks.timeout", () -> JwksSettings.builder().timeout(Duration.ofHours(1))),
                Map.entry("jwks.max-bytes", () -> JwksSettings.builder().maxBytes(1)),
                Map.entry(
                        "jwks.tenant-sources-per-minute",
                        () -> JwksSettings.builder().tenantSourcesPerMinute(0)),
                Map.entry("keys.max-age", () -> KeyPolicy.builder().maxAge(Duration.ZERO)),
                Map.entry("keys.retired-grace", () -> KeyPolicy.builder().retiredGrace(Duration.ofSeconds(-1))),
                Map.entry("keys.min-rsa-bits", () -> KeyPolicy.builder().minRsaBits(1024)),
                Map.entry("keys.allowed-curves", () -> KeyPolicy.builder().allowedCurves(List.of("P-192"))),
                Map.entry("resource.clock-skew", () -> ResourcePolicy.builder().clockSkew(Duration.ofSeconds(-1))),
                Map.entry(
                        "resource.max-token-lifetime",
                        () -> ResourcePolicy.builder().maxTokenLifetime(Duration.ZERO)),
                Map.entry(
                        "resource.audiences",
                        () -> ResourcePolicy.builder()
                                .acceptedKeyScopes("enterprise")
                                .build()),
                Map.entry(
                        "resource.accepted-key-scopes",
                        () -> ResourcePolicy.builder().audiences("api").build()),
                Map.entry(
                        "resource.algorithms",
                        () -> ResourcePolicy.builder()
                                .audiences("api")
                                .acceptedKeyScopes("enterprise")
                                .algorithms("HS256")
                                .build()),
                Map.entry("resource.name", () -> ResourcePolicy.builder().name(" ")),
                Map.entry("resource.token-types", () -> ResourcePolicy.builder().tokenTypes("JWT", "JWT")),
                Map.entry(
                        "resource.required-claims",
                        () -> ResourcePolicy.builder().requiredClaims("sub", "sub")),
                Map.entry(
                        "issuers[].name",
                        () -> TrustedIssuer.builder().name("a").name("b")),
                Map.entry("issuers[].tenants", () -> TrustedIssuer.builder().tenants("a", "a")),
                Map.entry(
                        "issuers[].tenant-pattern",
                        () -> TrustedIssuer.builder().tenantPattern("(")),
                Map.entry("max-token-bytes", () -> ValidationPolicy.builder().maxTokenBytes(1)),
                Map.entry(
                        "verified-token-cache", () -> ValidationPolicy.builder().verifiedTokenCache(-1)));

        bad.forEach((path, call) -> {
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class, call::execute);
            assertThat(e).as(path).isNotNull();
            assertThat(e.setting()).as(path).isEqualTo(path);
            assertThat(SettingsRegistry.file(e.setting())).as(path).isPresent();
        });
    }
}
