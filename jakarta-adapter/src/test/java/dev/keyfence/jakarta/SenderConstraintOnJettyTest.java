package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.JettyContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link SenderConstraintScenarios} on embedded Jetty. */
class SenderConstraintOnJettyTest extends SenderConstraintScenarios {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
