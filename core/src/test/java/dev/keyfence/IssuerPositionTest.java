package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A problem with one issuer's setting carries the issuer's position in the policy and the
 * setting's key, so that a front door names the property from the structure; the message still
 * names the issuer as people know it.
 */
class IssuerPositionTest {
    private static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";

    @Test
    void aRepeatedNameIsMarkedWithThePositionOfTheIssuerThatRepeatsIt() {
        ValidationPolicy.Builder b = ValidationPolicy.builder()
                .issuer(issuer("contoso", "https://login.example.test/one/v2.0"))
                .issuer(issuer("contoso", "https://login.example.test/two/v2.0"))
                .resource(ResourcePolicy.builder()
                        .audiences("api://mail")
                        .acceptedKeyScopes("enterprise")
                        .build());

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, b::build);

        assertThat(e.getMessage()).isEqualTo("issuers[contoso].name: used by two issuers");
        assertThat(e.issuerIndex()).hasValue(1);
        assertThat(e.issuerKey()).hasValue("name");
    }

    @Test
    void anIssuerBuilderErrorInTheFileIsMarkedWithTheIndexItWasReadFrom() {
        String yaml = """
                issuers:
                  - {name: contoso, issuer: "https://login.example.test/one/v2.0", jwks-uri: "https://login.example.test/1/keys", key-scope: enterprise}
                  - {name: contoso-eu, issuer: "https://login.example.test/eu/v2.0", jwks-uri: "https://login.example.test/2/keys", key-scope: enterprise, tenants: [tid-a]}
                resource: {audiences: ["api://mail"], accepted-key-scopes: [enterprise]}
                """;

        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> KeyfenceConfig.parse(yaml, Path.of(".")));

        assertThat(e.setting()).isEqualTo("issuers[1].tenants");
        assertThat(e.issuerIndex()).hasValue(1);
        assertThat(e.issuerKey()).hasValue("tenants");
    }

    @Test
    void aRefusedKeySourceIsMarkedWithItsIssuersPosition() {
        // the first issuer's source is per tenant, so creating the validator fetches nothing
        String yaml = """
                issuers:
                  - {name: contoso, issuer: "%s", jwks-uri: "https://login.example.test/{tenantid}/keys", key-scope: enterprise, tenants: [tid-a]}
                  - {name: contoso-eu, issuer: "https://login.example.test/eu/v2.0", jwks-uri: "http://login.example.test/eu/keys", key-scope: enterprise}
                resource: {audiences: ["api://mail"], accepted-key-scopes: [enterprise]}
                """.formatted(TEMPLATE);
        KeyfenceConfig config = KeyfenceConfig.parse(yaml, Path.of("."));

        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> TokenValidator.create(config));

        assertThat(e.setting()).isEqualTo("issuers[contoso-eu].jwks-uri");
        assertThat(e.issuerIndex()).hasValue(1);
        assertThat(e.issuerKey()).hasValue("jwks-uri");
    }

    @Test
    void aProblemOutsideTheIssuersCarriesNoPosition() {
        ConfigurationException e = new ConfigurationException("jwks.timeout", "above zero");

        assertThat(e.issuerIndex()).isEmpty();
        assertThat(e.issuerKey()).isEmpty();
        assertThatThrownBy(() -> e.ofIssuer(-1, "name")).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.ofIssuer(0, "name").getMessage()).isEqualTo(e.getMessage());
    }

    private static TrustedIssuer issuer(String name, String issuer) {
        return TrustedIssuer.builder()
                .name(name)
                .issuer(issuer)
                .keySource(KeySource.jwksUri("https://login.example.test/keys"))
                .keyScope("enterprise")
                .build();
    }
}
