package dev.keyfence.examples.replay;

import java.net.URI;

/** A running resource server whose {@code GET /api/me} the replay calls. */
public interface ProtectedServer extends AutoCloseable {

    /** @return what this server is, for the table's header and the report */
    Column column();

    /** @return the absolute URI of {@code GET /api/me} */
    URI apiMe();

    /** Stops the server. */
    @Override
    void close();
}
