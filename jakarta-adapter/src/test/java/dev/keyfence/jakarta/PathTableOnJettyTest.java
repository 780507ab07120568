package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.JettyContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link PathTableScenarios} on embedded Jetty. */
class PathTableOnJettyTest extends PathTableScenarios {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
