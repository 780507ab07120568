package dev.keyfence.examples.replay;

import java.net.URI;

/** A running resource server whose APIs ({@code GET /api/me}, {@code GET /api/admin/me}) the replay calls. */
public interface ProtectedServer extends AutoCloseable {

    /** @return what this server is, for the table's header and the report */
    Column column();

    /**
     * @param path an absolute path, e.g. {@code /api/me}
     * @return the absolute URI of that path on this server
     */
    URI uri(String path);

    /** Stops the server. */
    @Override
    void close();
}
