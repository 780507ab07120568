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
    /** The token's characters as bytes (all ASCII once parsed); null in a copy kept for later, rebuilt on use. */
    private byte @Nullable [] ascii;

    private final Map<String, Object> header;
    private final Map<String, Object> payload;
    private final int signingInputEnd;
    private final byte[] signature;
    private final boolean jwe;
    private final boolean nested;
    private @Nullable String fingerprint;

    ParsedToken(
            String raw,
            byte @Nullable [] ascii,
            Map<String, Object> header,
            Map<String, Object> payload,
            int signingInputEnd,
            byte[] signature,
            boolean jwe,
            boolean nested) {
        this.raw = raw;
        this.ascii = ascii;
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
        return java.util.Arrays.copyOf(ascii(), signingInputEnd);
    }

    /** The length in bytes of the signing input. */
    public int signingInputLength() {
        return signingInputEnd;
    }

    /**
     * The token's ASCII bytes, not a copy: the signing input is their first
     * {@link #signingInputLength()} bytes, and RFC 9449 hashes all of them into a proof's
     * {@code ath}. Callers must not change them.
     */
    public byte[] ascii() {
        byte[] a = ascii;
        if (a == null) {
            a = raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ascii = a;
        }
        return a;
    }

    /** This token without its byte copy, to be kept (its bytes are rebuilt if ever needed again). */
    public ParsedToken withoutBytes() {
        return new ParsedToken(raw, null, header, payload, signingInputEnd, signature, jwe, nested);
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
