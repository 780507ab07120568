package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.jakarta.support.TomcatContainer;

/** {@link KeyfenceFilterScenarios} on embedded Tomcat 11. */
class KeyfenceFilterOnTomcatTest extends KeyfenceFilterScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
