package dev.keyfence.internal.keys;

import dev.keyfence.internal.token.Base64Url;
import java.util.Map;

/**
 * RFC 7518 6.2.1.2-3: an EC JWK's {@code x} and {@code y} are base64url octet strings of the
 * curve's coordinate size. One longer than that is refused here, before the key reaches jose4j and
 * the JDK, whose key factory fails on it with a bare RuntimeException (found by fuzzing). A shorter
 * one (a missing leading zero, as some publishers write) still denotes a coordinate and is left to
 * the point check.
 */
final class EcCoordinates {
    private EcCoordinates() {}

    /** Throws when {@code params} is an EC JWK on a known curve whose coordinates have the wrong size. */
    static void check(Map<String, Object> params) throws KeySetException {
        if (!"EC".equals(params.get("kty"))) {
            return;
        }
        int bytes = switch (String.valueOf(params.get("crv"))) {
            case "P-256" -> 32;
            case "P-384" -> 48;
            case "P-521" -> 66;
            default -> 0; // unknown curves are refused by the reader itself
        };
        if (bytes == 0) {
            return;
        }
        for (String member : new String[] {"x", "y"}) {
            if (!(params.get(member) instanceof String s)) {
                throw new KeySetException("EC key without a string " + member);
            }
            byte[] decoded = Base64Url.decode(s, 0, s.length());
            if (decoded == null || decoded.length > bytes) {
                throw new KeySetException(
                        "EC coordinate " + member + " is longer than " + bytes + " octets or not base64url");
            }
        }
    }
}
