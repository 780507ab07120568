package dev.keyfence.jakarta.support;

import dev.keyfence.testkit.Tls;

/** A real servlet container, started embedded on 127.0.0.1 with an ephemeral port. */
public interface ServletContainer {

    /** A running container; closing it stops it. */
    interface Running extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    /** The container's name, for test display. */
    String name();

    /** Starts the deployment; fails the test when the application does not start. */
    Running start(Deployment deployment);

    /**
     * Starts the deployment on HTTPS with the server identity, asking clients for a certificate
     * (without requiring one) that {@code trusted} must hold.
     */
    Running startTls(Deployment deployment, Tls.Identity server, java.security.KeyStore trusted);

    /**
     * Starts a deployment that must fail to start, stops whatever started, and returns the
     * message of the filter's {@code ServletException}.
     */
    String startupFailure(Deployment deployment);
}
