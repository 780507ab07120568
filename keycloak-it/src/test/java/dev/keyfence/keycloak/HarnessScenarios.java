package dev.keyfence.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Scenarios shared by the dist-based and the Testcontainers-based harness tests, so both prove
 * the same thing about whichever Keycloak they are given.
 */
final class HarnessScenarios {

    static final String AUDIENCE = "api://mail";

    private HarnessScenarios() {}

    /**
     * Creates {@code realm} with a service client, fetches a client-credentials token and checks
     * it is an RS256 JWS with {@code typ} JWT, our {@code tid}/{@code aud} claims and a {@code kid}
     * published in the realm's JWKS next to an RSA-OAEP encryption key.
     */
    static void smoke(KeycloakAdmin admin, String realm) {
        admin.createRealm(realm);
        KeycloakAdmin.ServiceClient client = admin.createServiceClient(realm, "mail-client", "tid-" + realm, AUDIENCE);
        assertThat(client.secret()).hasSizeGreaterThanOrEqualTo(32);

        Jwt jwt = Jwt.decode(admin.clientCredentialsToken(client));

        assertThat(jwt.alg()).isEqualTo("RS256");
        assertThat(jwt.typ()).isEqualTo("JWT");
        assertThat(jwt.kid()).isEqualTo(admin.activeKid(realm, "RS256")).isNotBlank();
        assertThat(jwt.claims().path("iss").asString()).isEqualTo(admin.issuer(realm));
        assertThat(jwt.claims().path("tid").asString()).isEqualTo("tid-" + realm);
        assertThat(strings(jwt.claims().path("aud"))).contains(AUDIENCE);
        assertThat(jwt.claims().path("azp").asString()).isEqualTo("mail-client");
        assertThat(jwt.claims().path("exp").asLong())
                .isGreaterThan(jwt.claims().path("iat").asLong());

        JsonNode jwks = admin.jwks(realm);
        JsonNode signingKey = jwk(jwks, jwt.kid());
        assertThat(signingKey.path("kty").asString()).isEqualTo("RSA");
        assertThat(signingKey.path("use").asString()).isEqualTo("sig");
        assertThat(signingKey.path("alg").asString()).isEqualTo("RS256");
        assertThat(signingKey.path("x5c").size()).isEqualTo(1);

        List<JsonNode> encryptionKeys = new ArrayList<>();
        for (JsonNode key : jwks.path("keys").values()) {
            if ("enc".equals(key.path("use").asString())) {
                encryptionKeys.add(key);
            }
        }
        assertThat(encryptionKeys).hasSize(1);
        assertThat(encryptionKeys.get(0).path("alg").asString()).isEqualTo("RSA-OAEP");
        assertThat(encryptionKeys.get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(encryptionKeys.get(0).path("kid").asString()).isNotEqualTo(jwt.kid());
        // the public JWKS holds exactly the RSA signing key and the RSA-OAEP key; HS512/AES stay private
        assertThat(jwks.path("keys").size()).isEqualTo(2);
    }

    /** The JWK with {@code kid}, failing if the set does not hold exactly one. */
    static JsonNode jwk(JsonNode jwks, String kid) {
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode key : jwks.path("keys").values()) {
            if (kid.equals(key.path("kid").asString())) {
                matches.add(key);
            }
        }
        assertThat(matches).as("JWKS entries with kid %s in %s", kid, jwks).hasSize(1);
        return matches.get(0);
    }

    static List<String> kids(JsonNode jwks) {
        List<String> kids = new ArrayList<>();
        jwks.path("keys").values().forEach(k -> kids.add(k.path("kid").asString()));
        return kids;
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(v -> values.add(v.asString()));
        } else if (!node.isMissingNode()) {
            values.add(node.asString());
        }
        return values;
    }
}
