package dev.keyfence.examples.replay;

import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The replay's logging, set up once for every server in the process: logback reads the replay's
 * {@code logback.xml} (libraries speak up only when something is wrong) and Tomcat's
 * {@code java.util.logging} goes to it. Spring Boot is told not to re-initialise logging for each
 * app: that costs time and races when the apps start side by side.
 */
final class ReplayLogging {

    private ReplayLogging() {}

    /** Idempotent; safe from several threads. */
    static synchronized void install() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
