package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.internal.DrillService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The keyfence.drill.* settings: allowed beside keyfence.config, bad values fail startup naming the property. */
class KeyfenceDrillSettingsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(KeyfenceAutoConfiguration.class, KeyfenceDrillAutoConfiguration.class));

    @TempDir
    Path dir;

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("keyfence.yaml"), """
                issuers:
                  - name: contoso
                    issuer: "https://login.example.test/{tenantid}/v2.0"
                    jwks-uri: "https://login.example.test/common/keys"
                    key-scope: enterprise
                    tenants: ["tid-a"]
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                """);
    }

    @Test
    void drillSettingsAreAllowedBesideAConfigurationFile() throws Exception {
        runner.withPropertyValues(
                        "keyfence.config=" + config(),
                        "keyfence.drill.min-interval=PT5M",
                        "keyfence.drill.min-controls=3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DrillService.class);
                    assertThat(context.getBean(DrillService.class).latest()).isEmpty(); // no schedule: no drill
                });
    }

    @Test
    void badDrillSettingsFailStartupNamingTheProperty() throws Exception {
        Path file = config();
        for (String bad : new String[] {
            "keyfence.drill.schedule=PT0S",
            "keyfence.drill.schedule=banana",
            "keyfence.drill.min-controls=0",
            "keyfence.drill.min-interval=-PT1S"
        }) {
            runner.withPropertyValues("keyfence.config=" + file, bad).run(context -> {
                assertThat(context).as(bad).hasFailed();
                Throwable t = context.getStartupFailure();
                while (t.getCause() != null && !(t instanceof dev.keyfence.spring.internal.KeyfencePropertyException)) {
                    t = t.getCause();
                }
                assertThat(t.getMessage()).as(bad).startsWith(bad.substring(0, bad.indexOf('=')) + ": ");
            });
        }
    }
}
