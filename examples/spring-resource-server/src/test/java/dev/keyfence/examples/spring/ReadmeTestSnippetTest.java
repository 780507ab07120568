package dev.keyfence.examples.spring;

import dev.keyfence.testkit.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Spring README's complete MockMvc test is {@link MeTest}, run against this example app. */
class ReadmeTestSnippetTest {
    @Test
    void theSpringReadmesTestIsMeTest() {
        ReadmeSnippets.assertShownBy(
                Path.of("../../spring-adapter/README.md"),
                "class MeTest",
                Path.of("src/test/java/dev/keyfence/examples/spring/MeTest.java"));
    }
}
