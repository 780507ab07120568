package dev.keyfence.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drill on every example configuration of the repository and on the incident replay's policy:
 * every attack refused, every counterpart accepted, and each 2023 key forgery caught by at least
 * two controls alone where the policy keeps enterprise data from consumer keys.
 */
class DrillExampleConfigsTest {

    static Stream<Path> configurations() throws IOException {
        Path examples = Path.of("..", "examples");
        List<Path> found;
        try (Stream<Path> files = Files.walk(examples)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.toString().contains("target"))
                    .sorted()
                    .toList();
        }
        assertThat(found).as("example configurations").hasSizeGreaterThanOrEqualTo(2);
        return Stream.concat(found.stream(), Stream.of(Path.of("src/test/resources/drill/keyfence-replay.yaml")));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void passesWithTwoControlsOnEachKeyForgery(Path file) {
        DrillReport report =
                Drill.builder().config(KeyfenceConfig.load(file)).build().run();

        assertThat(report.findings()).as(file.toString()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.valid()).as(r.attack()).isFalse();
            assertThat(r.counterpartValid()).as(r.attack() + " counterpart").isTrue();
            assertThat(r.controls()).as(r.attack()).isNotEmpty();
        });
        List<DrillResult> forgeries = report.results().stream()
                .filter(DrillResult::keyForgery)
                .filter(r -> r.required() == 2)
                .toList();
        assertThat(forgeries).isNotEmpty();
        assertThat(forgeries)
                .allSatisfy(r -> assertThat(r.controls())
                        .as(r.attack())
                        .contains(Reason.KEY_ISSUER_MISMATCH, Reason.KEY_SCOPE_NOT_ACCEPTED));
        assertThat(report.minimumKeyForgeryControls()).isGreaterThanOrEqualTo(2);
        assertThat(report.results())
                .extracting(r -> r.attack().replaceAll("@.*", ""))
                .contains(
                        "expired-consumer-key",
                        "consumer-key",
                        "cross-tenant",
                        "consumer-token",
                        "retired-key",
                        "revoked-key",
                        "token-outside-key-window",
                        "alg-none",
                        "hs256-public-key",
                        "embedded-jwk",
                        "jku",
                        "x5u",
                        "crit",
                        "kid-injection",
                        "psychic-signature",
                        "wrong-audience",
                        "wrong-typ",
                        "expired-token",
                        "lifetime-over-cap");
    }
}
