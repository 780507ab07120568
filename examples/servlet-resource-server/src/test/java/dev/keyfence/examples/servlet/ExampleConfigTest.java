package dev.keyfence.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {
    @Test
    void shippedKeyfenceYamlIsAValidPolicyAcceptingEnterpriseKeysOnly() {
        KeyfenceConfig config = KeyfenceConfig.load(Path.of("keyfence.yaml"));
        assertThat(config.policy().resource().acceptedKeyScopes()).containsExactly("enterprise");
        assertThat(config.policy().issuers()).extracting(i -> i.keyScope()).containsExactly("enterprise", "consumer");
    }

    @Test
    void meEscapesJsonAndWritesNullForUnknown() {
        assertThat(MeServlet.json(java.util.Optional.empty())).isEqualTo("null");
        assertThat(MeServlet.json(java.util.Optional.of("a\"b\\c\n"))).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }
}
