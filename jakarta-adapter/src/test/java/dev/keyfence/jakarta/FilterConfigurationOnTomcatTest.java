package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.jakarta.support.TomcatContainer;

/** {@link FilterConfigurationScenarios} on embedded Tomcat. */
class FilterConfigurationOnTomcatTest extends FilterConfigurationScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
