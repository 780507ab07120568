package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.TomcatContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link PathTableScenarios} on embedded Tomcat. */
class PathTableOnTomcatTest extends PathTableScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
