package dev.keyfence.internal.token;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compact JWS split and decoded, with strict JSON header and payload. Nothing here is trusted
 * yet. {@code jwe} marks a five-part token whose header was readable; {@code nested} a token whose
 * header says {@code cty: JWT}.
 */
public final class ParsedToken {
    private final String raw;
    private final Map<String, Object> header;
    private final Map<String, Object> payload;
    private final int signingInputEnd;
    private final byte[] signature;
    private final boolean jwe;
    private final boolean nested;
    private @Nullable String fingerprint;

    ParsedToken(
            String raw,
            Map<String, Object> header,
            Map<String, Object> payload,
            int signingInputEnd,
            byte[] signature,
            boolean jwe,
            boolean nested) {
        this.raw = raw;
        this.header = header;
        this.payload = payload;
        this.signingInputEnd = signingInputEnd;
        this.signature = signature;
        this.jwe = jwe;
        this.nested = nested;
    }

    public Map<String, Object> header() {
        return header;
    }
    /** The claims; empty for JWE and nested tokens. */
    public Map<String, Object> payload() {
        return payload;
    }

    public byte[] signature() {
        return signature;
    }

    public boolean jwe() {
        return jwe;
    }

    public boolean nested() {
        return nested;
    }

    /** The ASCII signing input {@code header.payload} as bytes. */
    public byte[] signingInput() {
        return signingInput(new byte[signingInputEnd]);
    }

    /** The length in bytes of the signing input. */
    public int signingInputLength() {
        return signingInputEnd;
    }

    /**
     * Writes the signing input into the first {@link #signingInputLength()} bytes of {@code buffer}
     * (at least that long) and returns it.
     */
    public byte[] signingInput(byte[] buffer) {
        for (int i = 0; i < signingInputEnd; i++) { // the token is checked to be ASCII: one copy, no substring
            buffer[i] = (byte) raw.charAt(i);
        }
        return buffer;
    }

    /** The token's ASCII bytes, as RFC 9449 hashes them into a proof's {@code ath}. */
    public byte[] rawBytes() {
        return raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A header member when it is a string. */
    public @Nullable String headerString(String name) {
        return header.get(name) instanceof String s ? s : null;
    }

    /** A claim when it is a string. */
    public @Nullable String claimString(String name) {
        return payload.get(name) instanceof String s ? s : null;
    }

    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Fingerprint.of(raw);
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "ParsedToken[" + fingerprint() + "]";
    }
}
