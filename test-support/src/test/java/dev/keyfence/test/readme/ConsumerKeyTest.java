package dev.keyfence.test.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.test.KeyfenceTestExtension;
import dev.keyfence.test.SigningKey;
import dev.keyfence.test.TestIdentityProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's plain JUnit 5 example, as printed there ({@link ReadmeSnippetTest}). */
@ExtendWith(KeyfenceTestExtension.class)
class ConsumerKeyTest {
    @Test
    void refusesTheConsumerKey(TestIdentityProvider idp) {
        TokenValidator validator = TokenValidator.create(
                KeyfenceConfig.parse(idp.yaml("api://test"), Path.of(".")).policy());
        assertThat(validator
                        .validate(idp.token().signedWith(SigningKey.CONSUMER).mint())
                        .valid())
                .isFalse();
    }
}
