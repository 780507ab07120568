package dev.keyfence.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.config.FrontDoor;
import dev.keyfence.config.SettingsRegistry;
import dev.keyfence.jakarta.KeyfenceFilter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter's public init-parameter constants are exactly the registry's servlet settings. */
class InitParameterNamesTest {
    @Test
    void publicConstantsNameEveryInitParameterOfTheRegistryAndNoOther() throws IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field f : KeyfenceFilter.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && ((String) f.get(null)).startsWith("keyfence.")) {
                constants.add((String) f.get(null));
            }
        }
        Set<String> registry = new HashSet<>();
        SettingsRegistry.at(FrontDoor.SERVLET).forEach(s -> registry.add("keyfence." + s.path()));

        assertThat(constants).isEqualTo(registry);
    }
}
