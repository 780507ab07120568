package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.app.TestResourceServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The {@code keyfence-drill} endpoint, the scheduled self-drill's health and the gauge in a real
 * Spring Boot resource server on a random port, over real HTTP, keys served on 127.0.0.1.
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
class KeyfenceDrillEndpointTest {
    static final Fixture WORLD = new Fixture();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private String admin() {
        return WORLD.enterpriseToken("tid-a", "api://mail")
                .claim("scp", "keyfence.admin")
                .signedWith(Fixture.ENTERPRISE);
    }

    @Test
    void adminGetsTheDrillOfTheApplicationsOwnPolicy() throws Exception {
        int hitsBefore = WORLD.server.totalHits();
        HttpResponse<String> r = WORLD.get(port, "/actuator/keyfence-drill", admin());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("minimumKeyForgeryControls").asInt()).isEqualTo(2);
        assertThat(report.get("findings").size()).isZero();
        List<String> attacks = new ArrayList<>();
        for (JsonNode a : report.get("attacks")) {
            attacks.add(a.get("attack").asString());
            assertThat(a.get("valid").asBoolean())
                    .as(a.get("attack").asString())
                    .isFalse();
            assertThat(a.get("counterpartValid").asBoolean()).isTrue();
        }
        assertThat(attacks)
                .contains(
                        "consumer-key@default",
                        "expired-consumer-key@calendar",
                        "cross-tenant",
                        "consumer-token@default",
                        "consumer-token@calendar",
                        "revoked-key",
                        "retired-key",
                        "alg-none");
        assertThat(attacks).noneMatch(a -> a.endsWith("@consumer") && a.contains("consumer-key"));
        JsonNode forgery = find(report, "consumer-key@default");
        assertThat(forgery.get("reason").asString()).isEqualTo("KEY_ISSUER_MISMATCH");
        assertThat(forgery.get("controls").toString())
                .isEqualTo("[\"KEY_ISSUER_MISMATCH\",\"KEY_SCOPE_NOT_ACCEPTED\"]");
        JsonNode revoked = find(report, "revoked-key");
        assertThat(revoked.get("title").asString()).contains("ent-revoked"); // the configured revocation, mirrored
        assertThat(r.body()).doesNotContain("eyJ").doesNotContain("\"n\":");
        assertThat(WORLD.server.totalHits())
                .as("the drill never contacts a key source")
                .isEqualTo(hitsBefore);

        JsonNode health = JSON.readTree(
                        WORLD.get(port, "/actuator/health", admin()).body())
                .get("components")
                .get("keyfenceDrill");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("minimumKeyForgeryControls").asInt())
                .isEqualTo(2);
        assertThat(meters.get("keyfence.drill.controls.min").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void callsWithinTheMinimumIntervalGetTheLastReport() throws Exception {
        String first = JSON.readTree(
                        WORLD.get(port, "/actuator/keyfence-drill", admin()).body())
                .get("at")
                .asString();
        String again = JSON.readTree(
                        WORLD.get(port, "/actuator/keyfence-drill", admin()).body())
                .get("at")
                .asString();
        WORLD.clock.advance(Duration.ofMinutes(2));
        String later = JSON.readTree(
                        WORLD.get(port, "/actuator/keyfence-drill", admin()).body())
                .get("at")
                .asString();

        assertThat(again).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void callerWithoutTheAdminAuthorityIsRefused() throws Exception {
        String user = WORLD.enterpriseToken("tid-a", "api://mail")
                .claim("scp", "mail.read")
                .signedWith(Fixture.ENTERPRISE);

        HttpResponse<String> forbidden = WORLD.get(port, "/actuator/keyfence-drill", user);
        HttpResponse<String> anonymous = WORLD.get(port, "/actuator/keyfence-drill", null);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("attacks");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode report, String attack) {
        for (JsonNode a : report.get("attacks")) {
            if (a.get("attack").asString().equals(attack)) {
                return a;
            }
        }
        throw new AssertionError("no attack " + attack);
    }
}
