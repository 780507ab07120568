package dev.keyfence.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.TokenValidator;
import org.junit.jupiter.api.Test;

/** A resource derived with {@code forResource} may accept only key scopes some issuer carries. */
class ForResourceScopeTest {
    private final Fixture f = new Fixture();
    private final TokenValidator validator = Fixture.validator(f.policy(Fixture.RSA));

    @Test
    void aScopeNoIssuerCarriesIsAConfigurationError() {
        assertThatThrownBy(() -> validator.forResource(Fixture.resource()
                        .acceptedKeyScopes(Fixture.SCOPE, "consumer")
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> {
                    ConfigurationException c = (ConfigurationException) e;
                    assertThat(c.setting()).isEqualTo("resource.accepted-key-scopes");
                    assertThat(c.problem()).contains("'consumer'");
                });
    }

    @Test
    void aResourceOverCarriedScopesValidatesForItsOwnAudience() {
        TokenValidator other = validator.forResource(
                Fixture.resource().audiences("api://other").build());
        Fixture.assertAccepted(other.validate(f.token().audience("api://other").signedWith(Fixture.RSA)));
        Fixture.assertRejected(
                other.validate(f.token().signedWith(Fixture.RSA)), dev.keyfence.Reason.AUDIENCE_NOT_ACCEPTED);
    }
}
