package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.TomcatContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link FilterConfigurationScenarios} on embedded Tomcat. */
class FilterConfigurationOnTomcatTest extends FilterConfigurationScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
