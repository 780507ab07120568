package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.app.TestResourceServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code keyfence-drill} endpoint is off unless exposed: with Actuator on the class path and
 * the health endpoint exposed, but {@code keyfence-drill} not listed, even an admin gets 404, and
 * without {@code keyfence.drill.schedule} no drill runs (the gauge stays NaN).
 */
@SpringBootTest(
        classes = TestResourceServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health"})
class KeyfenceDrillEndpointOffTest {
    static final Fixture WORLD = new Fixture();

    static {
        TestResourceServer.CLOCK_HOLDER[0] = WORLD.clock;
    }

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry registry) {
        WORLD.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        WORLD.server.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void notExposedMeansNotServedEvenToAnAdminAndNoScheduledDrill() throws Exception {
        String admin = WORLD.enterpriseToken("tid-a", "api://mail")
                .claim("scp", "keyfence.admin")
                .signedWith(Fixture.ENTERPRISE);

        HttpResponse<String> drill = WORLD.get(port, "/actuator/keyfence-drill", admin);
        HttpResponse<String> health = WORLD.get(port, "/actuator/health", admin);

        assertThat(drill.statusCode()).isEqualTo(404);
        assertThat(drill.body()).doesNotContain("attacks");
        assertThat(health.statusCode())
                .as("the actuator itself answers (its health may be DOWN while keys load)")
                .isNotEqualTo(404);
        assertThat(meters.get("keyfence.drill.controls.min").gauge().value())
                .as("no drill ran")
                .isNaN();
    }
}
