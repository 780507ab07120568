package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

class IdentityProviderTest {

    private static final Instant NOW = Instant.parse("2024-10-01T12:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void mintsTokensVerifiableWithPublishedKeysAndRotates() throws Exception {
        try (IdentityProvider idp = IdentityProvider.start()) {
            TestIssuer contoso = idp.issuer("contoso").addKey(TestKey.rsa("k1"));
            assertThat(idp.issuer("contoso")).isSameAs(contoso);
            assertThat(contoso.issuer())
                    .isEqualTo("http://127.0.0.1:" + idp.server().port() + "/contoso");

            String token = contoso.mint("api://mail", NOW);
            assertThat(verifyWithPublishedKeys(contoso, token)).isTrue();
            assertThat(Tokens.decodePart(token, 1)).contains("\"iss\":\"" + contoso.issuer() + "\"");

            contoso.rotateTo(TestKey.ec("k2", "P-256"));
            assertThat(contoso.signingKey().kid()).isEqualTo("k2");
            assertThat(fetch(contoso.jwksUri().toString()))
                    .contains("\"kid\":\"k2\"")
                    .doesNotContain("\"kid\":\"k1\"");
            assertThat(verifyWithPublishedKeys(contoso, contoso.mint("api://mail", NOW)))
                    .isTrue();
            assertThat(verifyWithPublishedKeys(contoso, token)).isFalse();
            assertThat(idp.server().hits(contoso.jwksPath())).isEqualTo(4);
        }
    }

    @Test
    void discoveryPointsAtKeysAndRemovalFallsBack() throws Exception {
        try (IdentityProvider idp = IdentityProvider.start()) {
            TestIssuer fabrikam =
                    idp.issuer("fabrikam").addKey(TestKey.rsa("a")).addKey(TestKey.ed25519("b"));
            assertThat(fetch(fabrikam.discoveryUri().toString()))
                    .contains("\"issuer\":\"" + fabrikam.issuer() + "\"")
                    .contains("\"jwks_uri\":\"" + fabrikam.jwksUri() + "\"");
            assertThat(fabrikam.signingKey().kid()).isEqualTo("b");
            fabrikam.removeKey("b");
            assertThat(fabrikam.signingKey().kid()).isEqualTo("a");
            assertThat(fabrikam.keys().size()).isEqualTo(1);
        }
    }

    private boolean verifyWithPublishedKeys(TestIssuer issuer, String token) throws Exception {
        JsonWebKeySet set = new JsonWebKeySet(fetch(issuer.jwksUri().toString()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        JsonWebKey key = set.getJsonWebKeys().stream()
                .filter(k -> k.getKeyId().equals(jws.getKeyIdHeaderValue()))
                .findFirst()
                .orElse(null);
        if (key == null) {
            return false;
        }
        jws.setKey(key.getKey());
        return jws.verifySignature();
    }

    private String fetch(String uri) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(java.net.URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
