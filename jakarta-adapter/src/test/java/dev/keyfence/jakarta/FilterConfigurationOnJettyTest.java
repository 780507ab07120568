package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.JettyContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link FilterConfigurationScenarios} on embedded Jetty. */
class FilterConfigurationOnJettyTest extends FilterConfigurationScenarios {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
