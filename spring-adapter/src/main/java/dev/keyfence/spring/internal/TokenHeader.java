package dev.keyfence.spring.internal;

import dev.keyfence.internal.token.MalformedTokenException;
import dev.keyfence.internal.token.TokenParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code alg}, {@code kid} and {@code typ} from the header of a token Keyfence accepted, with
 * the same strict parser that accepted it (so reading it again cannot fail on any accepted token).
 */
public final class TokenHeader {
    private TokenHeader() {
    }

    /** The string-valued {@code alg}, {@code kid} and {@code typ} members of an accepted token's header. */
    public static Map<String, Object> of(String acceptedToken) {
        Map<String, Object> parsed;
        try {
            parsed = TokenParser.parse(acceptedToken, Integer.MAX_VALUE).header();
        } catch (MalformedTokenException e) {
            throw new IllegalStateException("the header of an accepted token did not parse", e);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        for (String name : new String[] {"alg", "kid", "typ"}) {
            if (parsed.get(name) instanceof String value) {
                header.put(name, value);
            }
        }
        return header;
    }
}
