package dev.keyfence.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Base64url without padding, as the JWS compact serialization uses. */
final class Base64Url {

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String encode(String utf8) {
        return encode(utf8.getBytes(StandardCharsets.UTF_8));
    }
}
