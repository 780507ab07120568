package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Drill;
import dev.keyfence.config.FrontDoor;
import dev.keyfence.config.Setting;
import dev.keyfence.config.SettingsRegistry;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Spring-only properties the auto-configurations read are the registry's, with its defaults. */
class SpringOnlyPropertiesTest {
    private static final Map<String, Setting> SPRING = SettingsRegistry.at(FrontDoor.SPRING).stream()
            .collect(Collectors.toMap(s -> "keyfence." + s.path(), s -> s));

    @Test
    void drillAndLedgerPropertiesAreDeclaredInTheRegistry() {
        assertThat(SPRING)
                .containsKeys(
                        KeyfenceDrillAutoConfiguration.SCHEDULE,
                        KeyfenceDrillAutoConfiguration.MIN_INTERVAL,
                        KeyfenceDrillAutoConfiguration.MIN_CONTROLS,
                        KeyfenceDrillAutoConfiguration.AUTHORITY,
                        "keyfence.ledger.use-datasource",
                        "keyfence.config");
    }

    @Test
    void theirDefaultsAreTheRegistrys() {
        assertThat(SPRING.get(KeyfenceDrillAutoConfiguration.AUTHORITY).defaultValue())
                .contains(KeyfenceDrillEndpoint.DEFAULT_AUTHORITY);
        assertThat(SPRING.get(KeyfenceDrillAutoConfiguration.MIN_CONTROLS).defaultValue())
                .contains(Drill.DEFAULT_MIN_CONTROLS);
        assertThat(SPRING.get(KeyfenceDrillAutoConfiguration.SCHEDULE).defaultValue())
                .isEmpty();
    }
}
