package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.app.TestResourceServer;
import dev.keyfence.testkit.Tls;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link StrictChainScenarios} on a real Spring MVC (Tomcat) app, plus what only the servlet stack
 * has: the RFC 9728 metadata endpoint answering 404 without a URL audience, and the authorities of a
 * token whose {@code scp} holds numbers.
 */
@SpringBootTest(classes = TestResourceServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictChainTest extends StrictChainScenarios {
    static final Fixture WORLD = new Fixture();

    static {
        TestResourceServer.CLOCK_HOLDER[0] = WORLD.clock;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        register(WORLD, registry);
    }

    @AfterAll
    static void stop() {
        WORLD.server.close();
    }

    @LocalServerPort
    int port;

    @Override
    Fixture world() {
        return WORLD;
    }

    @Override
    int port() {
        return port;
    }

    @Override
    void checkNumericScopeBody(String body) {
        assertThat(body).contains("\"authorities\":[]");
    }

    @Test
    void metadataAnswers404WithoutAUrlAudience() {
        // the audience api://mail is no URL, so there is no resource identifier to publish: 404, never the Host
        for (String path :
                List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/api/me")) {
            String answer = Tls.raw(port, List.of("GET " + path + " HTTP/1.1", "Host: attacker.example"));
            assertThat(answer).as(path).startsWith("HTTP/1.1 404").doesNotContain("attacker.example");
        }
    }
}
