package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.jakarta.support.TomcatContainer;

/** {@link SenderConstraintScenarios} on embedded Tomcat. */
class SenderConstraintOnTomcatTest extends SenderConstraintScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
