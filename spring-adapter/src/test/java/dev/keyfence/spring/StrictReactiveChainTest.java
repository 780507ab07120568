package dev.keyfence.spring;

import dev.keyfence.spring.reactive.ReactiveTestApp;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link StrictChainScenarios} on a real WebFlux (Netty) app: the same answers as Spring MVC and the
 * servlet filter give (issue #20 finding 3 and the gaps found after it: the one credential policy,
 * firewall rejections, DPoP on WebFlux).
 */
@SpringBootTest(
        classes = ReactiveTestApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class StrictReactiveChainTest extends StrictChainScenarios {
    static final Fixture WORLD = new Fixture();

    static {
        ReactiveTestApp.CLOCK[0] = WORLD.clock;
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
}
