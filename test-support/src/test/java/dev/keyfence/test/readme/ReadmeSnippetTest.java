package dev.keyfence.test.readme;

import dev.keyfence.testkit.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's plain JUnit 5 example is {@link ConsumerKeyTest}, compiled and run here. */
class ReadmeSnippetTest {
    @Test
    void theReadmesExampleIsConsumerKeyTest() {
        ReadmeSnippets.assertShownBy(
                Path.of("README.md"),
                "class ConsumerKeyTest",
                Path.of("src/test/java/dev/keyfence/test/readme/ConsumerKeyTest.java"));
    }
}
