package dev.keyfence.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compact JWS split into its decoded header and claims, for assertions only: the signature is
 * not checked here (that is Keyfence's job).
 */
public record Jwt(JsonNode header, JsonNode claims, String signature) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Decodes {@code header.payload.signature}; throws IllegalArgumentException if it is not a compact JWS. */
    public static Jwt decode(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        return new Jwt(part(parts[0]), part(parts[1]), parts[2]);
    }

    private static JsonNode part(String base64Url) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8));
    }

    public String kid() {
        return header.path("kid").asString();
    }

    public String alg() {
        return header.path("alg").asString();
    }

    public String typ() {
        return header.path("typ").asString();
    }
}
