package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.jakarta.support.TomcatContainer;

/** {@link PathTableScenarios} on embedded Tomcat. */
class PathTableOnTomcatTest extends PathTableScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
