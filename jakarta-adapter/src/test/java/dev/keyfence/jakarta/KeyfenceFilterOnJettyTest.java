package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.JettyContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link KeyfenceFilterScenarios} on embedded Jetty 12 (EE10). */
class KeyfenceFilterOnJettyTest extends KeyfenceFilterScenarios {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
