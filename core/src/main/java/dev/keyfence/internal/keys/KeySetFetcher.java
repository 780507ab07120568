package dev.keyfence.internal.keys;

/** Reads the current JWK Set text of one source. Implementations are thread-safe. */
@FunctionalInterface
public interface KeySetFetcher {
    /** The key set's JSON text, or a {@link KeySetException} saying why it cannot be read. */
    String fetch() throws KeySetException;
}
