package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;

/** The RFC 9728 metadata names the configured resource URL and only what Keyfence enforces. */
class ProtectedResourceMetadataTest {
    private static TokenValidator validator(String... audiences) {
        return TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("idp")
                        .issuer("https://idp.example.test")
                        .keySource(KeySource.jwks(
                                dev.keyfence.testkit.JwkSet.of(dev.keyfence.testkit.TestKey.ec("k", "P-256"))
                                        .toJson()))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(audiences)
                        .acceptedKeyScopes("enterprise")
                        .build())
                .build());
    }

    @Test
    void publishesTheConfiguredUrlAudienceAndWhatIsEnforced() {
        TokenValidator validator = validator("api://mail", "https://mail.example.test/api");
        String resource = ProtectedResourceMetadata.resource(validator).orElseThrow();
        OAuth2ProtectedResourceMetadata.Builder b = OAuth2ProtectedResourceMetadata.builder()
                .resource("https://attacker.example")
                .bearerMethod("header")
                .bearerMethod("query");
        ProtectedResourceMetadata.enforced(resource, CredentialPolicy.defaults())
                .accept(b);
        Map<String, Object> claims = b.build().getClaims();
        assertThat(claims.get("resource").toString()).isEqualTo("https://mail.example.test/api");
        assertThat(claims)
                .containsEntry("bearer_methods_supported", List.of("header"))
                .containsEntry("tls_client_certificate_bound_access_tokens", true)
                .containsEntry("dpop_signing_alg_values_supported", ProtectedResourceMetadata.DPOP_ALGORITHMS);
    }

    @Test
    void hasNoIdentifierWithoutAUrlAudience() {
        assertThat(ProtectedResourceMetadata.resource(validator("api://mail", "urn:mail")))
                .isEmpty();
    }
}
