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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A weakened policy (only the enterprise issuer: no consumer or other-scope issuer teaches key scopes) in a real Spring Boot app: the self-drill's
 * health is DOWN naming the attack and the fix, and the gauge shows the single control left.
 */
@SpringBootTest(
        classes = TestResourceServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health,keyfence-drill",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.show-components=always",
            "keyfence.drill.schedule=PT1H"
        })
class KeyfenceDrillHealthDownTest {
    static final Fixture WORLD = new Fixture();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        TestResourceServer.CLOCK_HOLDER[0] = WORLD.clock;
    }

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry registry) {
        WORLD.properties().forEach((k, v) -> {
            if (k.startsWith("keyfence.issuers[0].")
                    || !k.startsWith("keyfence.issuers[") && !k.startsWith("keyfence.resources.consumer.")) {
                registry.add(k, () -> v);
            }
        });
        // only the enterprise issuer is left: the partner scope the fixture's resource also accepts is gone with it
        registry.add("keyfence.resource.accepted-key-scopes", () -> "enterprise");
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
    void healthIsDownNamingTheAttackAndTheFix() throws Exception {
        String admin = WORLD.enterpriseToken("tid-a", "api://mail")
                .claim("scp", "keyfence.admin")
                .signedWith(Fixture.ENTERPRISE);
        HttpResponse<String> drill = WORLD.get(port, "/actuator/keyfence-drill", admin); // waits for the scheduled run
        assertThat(drill.statusCode()).isEqualTo(200);

        JsonNode health = JSON.readTree(
                        WORLD.get(port, "/actuator/health", admin).body())
                .get("components")
                .get("keyfenceDrill");

        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("details").get("minimumKeyForgeryControls").asInt())
                .isEqualTo(1);
        assertThat(health.get("details").get("findings").toString())
                .contains(
                        "2023: current consumer key, enterprise tenant @default: caught by KEY_ISSUER_MISMATCH only (needs 2); "
                                + "configure the consumer issuer");
        assertThat(meters.get("keyfence.drill.controls.min").gauge().value()).isEqualTo(1.0);
    }
}
