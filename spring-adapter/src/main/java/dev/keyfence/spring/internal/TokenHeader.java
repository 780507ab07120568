package dev.keyfence.spring.internal;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code alg}, {@code kid} and {@code typ} from the header of a token Keyfence accepted. */
public final class TokenHeader {
    private TokenHeader() {
    }

    /** The string-valued {@code alg}, {@code kid} and {@code typ} members of an accepted token's header. */
    public static Map<String, Object> of(String acceptedToken) {
        int dot = acceptedToken.indexOf('.');
        Map<String, Object> parsed;
        try {
            parsed = JSONObjectUtils.parse(new Base64URL(acceptedToken.substring(0, Math.max(dot, 0))).decodeToString());
        } catch (ParseException e) {
            throw new IllegalStateException("header of an accepted token did not parse", e);
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
