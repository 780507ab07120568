package dev.keyfence.knowledge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.ResourcePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding 6 of issue 14 (durations): every duration setting is bounded when the policy is
 * built, so a huge value is a configuration error naming the setting, never an
 * ArithmeticException later (from code and from YAML).
 */
class DurationBoundsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "jwks, timeout, P200000D",
        "jwks, timeout, PT6M",
        "jwks, refresh-interval, P100000000D",
        "jwks, refresh-interval, P8D",
        "jwks, min-refetch-interval, P2D",
        "jwks, max-stale, P366D",
        "keys, max-age, P36501D",
        "keys, retired-grace, P100000000D",
        "resource, max-token-lifetime, P100000000D",
    })
    void hugeDurationInYamlIsAConfigurationErrorNamingTheSetting(String section, String key, String value) {
        String yaml = "issuers:\n  - name: idp\n    issuer: \"https://idp.example.test\"\n"
                + "    jwks-uri: \"https://idp.example.test/keys\"\n    key-scope: enterprise\n"
                + "resource:\n  audiences: [\"api://x\"]\n  accepted-key-scopes: [enterprise]\n"
                + (section.equals("resource") ? "" : section + ":\n") + "  " + key + ": " + value + "\n";

        assertThatThrownBy(() -> KeyfenceConfig.parse(yaml, dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(section + "." + key);
    }

    @ParameterizedTest
    @CsvSource({
        "jwks.timeout, P200000D",
        "jwks.refresh-interval, P100000000D",
        "jwks.min-refetch-interval, P2D",
        "jwks.max-stale, P366D",
        "keys.max-age, P36501D",
        "keys.retired-grace, P100000000D",
        "resource.max-token-lifetime, P100000000D",
    })
    void hugeDurationInCodeIsAConfigurationErrorNamingTheSetting(String setting, String value) {
        Duration d = Duration.parse(value);
        Consumer<Duration> set = switch (setting) {
            case "jwks.timeout" -> x -> JwksSettings.builder().timeout(x);
            case "jwks.refresh-interval" -> x -> JwksSettings.builder().refreshInterval(x);
            case "jwks.min-refetch-interval" -> x -> JwksSettings.builder().minRefetchInterval(x);
            case "jwks.max-stale" -> x -> JwksSettings.builder().maxStale(x);
            case "keys.max-age" -> x -> KeyPolicy.builder().maxAge(x);
            case "keys.retired-grace" -> x -> KeyPolicy.builder().retiredGrace(x);
            default -> x -> ResourcePolicy.builder().maxTokenLifetime(x);
        };

        assertThatThrownBy(() -> set.accept(d))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(setting);
    }
}
