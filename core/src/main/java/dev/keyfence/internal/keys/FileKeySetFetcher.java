package dev.keyfence.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JWK Set from a local file on every fetch, with the size cap. */
public final class FileKeySetFetcher implements KeySetFetcher {
    private final Path path;
    private final int maxBytes;

    public FileKeySetFetcher(Path path, int maxBytes) {
        this.path = path;
        this.maxBytes = maxBytes;
    }

    @Override
    public String fetch() throws KeySetException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new KeySetException("file " + path + " is larger than " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeySetException(
                    "cannot read " + path + ": " + e.getClass().getSimpleName());
        }
    }
}
