package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.JettyContainer;
import dev.keyfence.jakarta.support.ServletContainer;

/** {@link FilterLedgerScenarios} on embedded Jetty. */
class FilterLedgerOnJettyTest extends FilterLedgerScenarios {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
