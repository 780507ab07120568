package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.jakarta.support.JettyContainer;

/** {@link FilterLedgerScenarios} on embedded Jetty. */
class FilterLedgerOnJettyTest extends FilterLedgerScenarios {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
