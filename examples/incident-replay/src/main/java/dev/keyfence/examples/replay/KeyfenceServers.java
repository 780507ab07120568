package dev.keyfence.examples.replay;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The two Keyfence columns. This is the one place where the adapters plug in: each factory
 * starts its server from the same policy file ({@code keyfence.config}) and the replay clock.
 */
final class KeyfenceServers {

    /** Header of the Spring column. */
    static final String SPRING = "Keyfence (Spring)";
    /** Header of the servlet column. */
    static final String SERVLET = "Keyfence (servlet)";

    private KeyfenceServers() {
    }

    /**
     * The mail API protected by Keyfence through the Spring adapter.
     *
     * <p>Until module spring-adapter lands, the core validator serves this column behind a JDK
     * HttpServer (see {@link CoreValidatorServer}); the column's description says so.
     */
    static ProtectedServer spring(KeyfencePolicy policy, Path configFile, Clock clock) {
        return CoreValidatorServer.start(new Column(SPRING,
                "STAND-IN: core TokenValidator behind a JDK HttpServer (the Spring adapter has not landed yet);"
                        + " policy " + configFile.getFileName(), true), policy.validator(clock));
    }

    /**
     * The servlet app protected by the Keyfence filter on embedded Tomcat.
     *
     * <p>Until module jakarta-adapter lands, the core validator serves this column behind a JDK
     * HttpServer (see {@link CoreValidatorServer}); the column's description says so.
     */
    static ProtectedServer servlet(KeyfencePolicy policy, Path configFile, Clock clock) {
        return CoreValidatorServer.start(new Column(SERVLET,
                "STAND-IN: core TokenValidator behind a JDK HttpServer (the servlet filter has not landed yet);"
                        + " policy " + configFile.getFileName(), true), policy.validator(clock));
    }
}
