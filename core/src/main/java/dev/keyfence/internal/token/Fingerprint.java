package dev.keyfence.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names a token without revealing it: the first 12 hex digits of the SHA-256 of the token string. */
public final class Fingerprint {
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(Fingerprint::sha256);

    private Fingerprint() {}

    public static String of(String token) {
        MessageDigest sha256 = PER_THREAD.get();
        sha256.reset();
        byte[] digest = sha256.digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
