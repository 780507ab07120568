package dev.keyfence.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.ErrorResponse;
import dev.keyfence.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one credential policy every front door applies: what it reads, and how it answers. */
class CredentialPolicyTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Test
    void neverReadsTheBodyUnlessFormTokensAreOn() {
        Credential c = CredentialPolicy.defaults().extract(List.of(), "POST", "", FORM, () -> {
            throw new AssertionError("the body was read");
        });
        assertThat(c).isInstanceOf(Credential.Absent.class);
    }

    @Test
    void readsAFormTokenOnlyFromAFormPostWhenOn() {
        CredentialPolicy form = CredentialPolicy.builder().allowFormToken(true).build();
        assertThat(form.extract(List.of(), "POST", "", FORM, () -> new String[] {"abc"}))
                .isEqualTo(new Credential.Present("abc", false));
        assertThat(form.extract(List.of(), "GET", "", FORM, () -> new String[] {"abc"}))
                .isInstanceOf(Credential.Absent.class);
        assertThat(form.extract(List.of(), "POST", "", "application/json", () -> new String[] {"abc"}))
                .isInstanceOf(Credential.Absent.class);
        assertThat(form.extract(List.of("Bearer abc"), "POST", "", FORM, () -> new String[] {"abc"}))
                .isEqualTo(new Credential.Refused("more than one credential in the request"));
        assertThat(form.extract(List.of(), "POST", "", FORM, () -> null)).isInstanceOf(Credential.Absent.class);
    }

    @Test
    void answersAsRfc6750SaysWithTheSameBodyEverywhere() {
        CredentialPolicy p = CredentialPolicy.defaults();
        assertThat(p.missing()).isEqualTo(new ErrorResponse(401, "Bearer", Optional.empty()));
        assertThat(p.invalidToken(Reason.TOKEN_BINDING_MISMATCH))
                .isEqualTo(new ErrorResponse(
                        401,
                        "Bearer error=\"invalid_token\", error_description=\"TOKEN_BINDING_MISMATCH\"",
                        Optional.of("{\"error\":\"invalid_token\",\"error_description\":\"TOKEN_BINDING_MISMATCH\"}")));
        assertThat(p.invalidRequest("malformed Authorization header").status()).isEqualTo(400);
        assertThatThrownBy(() -> p.invalidRequest("a \"quoted\" text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putsTheRealmInEveryChallengeAndRefusesOneThatCouldBreakIt() {
        CredentialPolicy p = CredentialPolicy.builder().realm("mail").build();
        assertThat(p.missing().challenge()).isEqualTo("Bearer realm=\"mail\"");
        assertThat(p.invalidToken(Reason.KEY_EXPIRED).challenge())
                .isEqualTo("Bearer realm=\"mail\", error=\"invalid_token\", error_description=\"KEY_EXPIRED\"");
        assertThatThrownBy(() -> CredentialPolicy.builder().realm("a\"b"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("realm:");
    }
}
