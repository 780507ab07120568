package dev.keyfence.jakarta;

import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.jakarta.support.TomcatContainer;

/** {@link FilterLedgerScenarios} on embedded Tomcat. */
class FilterLedgerOnTomcatTest extends FilterLedgerScenarios {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
