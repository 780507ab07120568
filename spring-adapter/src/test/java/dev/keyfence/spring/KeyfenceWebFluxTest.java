package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.reactive.ReactiveTestApp;
import dev.keyfence.testkit.TestKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real WebFlux (Netty) resource server on a random port, configured only by keyfence.*
 * properties, driven over real HTTP with keys served over real HTTP on 127.0.0.1: RFC 6750
 * challenges with the reason code, per-path profiles, health and metrics, and validation off the
 * event loop.
 */
@SpringBootTest(
        classes = ReactiveTestApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.show-components=always",
            "keyfence.metrics.tenant-tags=true"
        })
class KeyfenceWebFluxTest {
    static final Fixture WORLD = new Fixture();

    static {
        ReactiveTestApp.CLOCK[0] = WORLD.clock;
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
    ReactiveJwtDecoder decoder;

    @Autowired
    MeterRegistry meters;

    @Test
    void theReactiveDecoderIsKeyfences() {
        assertThat(decoder).isInstanceOf(KeyfenceReactiveJwtDecoder.class);
    }

    @Test
    void acceptsAnEnterpriseToken() throws Exception {
        String token =
                WORLD.enterpriseToken("tid-a", "api://mail").subject("alice").signedWith(Fixture.ENTERPRISE);
        HttpResponse<String> r = WORLD.get(port, "/api/me", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"sub\":\"alice\",\"tenant\":\"tid-a\",\"keyScope\":\"enterprise\"}");
    }

    @Test
    void aConsumerKeySigningForAnEnterpriseTenantIsRefusedWithTheExactChallenge() throws Exception {
        String forged = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.SHARED_CONSUMER);
        assertRejected("/api/me", forged, "KEY_SCOPE_NOT_ACCEPTED");
    }

    @Test
    void theExpiredConsumerKeyOf2016IsRefused() throws Exception {
        String forged = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.EXPIRED_CONSUMER);
        HttpResponse<String> r = WORLD.get(port, "/api/me", forged);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void aTenantOutsideTheAllowListIsRefused() throws Exception {
        String token = WORLD.enterpriseToken("tid-evil", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertRejected("/api/me", token, "TENANT_NOT_ALLOWED");
    }

    @Test
    void noTokenGetsABareBearerChallenge() throws Exception {
        HttpResponse<String> r = WORLD.get(port, "/api/me", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @Test
    void garbageIsMalformedToken() throws Exception {
        assertRejected("/api/me", "not.a.token", "MALFORMED_TOKEN");
    }

    @Test
    void consumerProfileAcceptsTheConsumerKeyThatTheDefaultResourceRefuses() throws Exception {
        String token = WORLD.consumerToken("api://mail").signedWith(Fixture.CONSUMER);
        HttpResponse<String> ok = WORLD.get(port, "/consumer/api/me", token);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"keyScope\":\"consumer\"");
        assertRejected("/api/me", token, "KEY_SCOPE_NOT_ACCEPTED");
    }

    @Test
    void calendarProfileRequiresItsOwnAudience() throws Exception {
        String mail = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertRejected("/calendar/api/me", mail, "AUDIENCE_NOT_ACCEPTED");
        String calendar = WORLD.enterpriseToken("tid-a", "api://calendar").signedWith(Fixture.ENTERPRISE);
        assertThat(WORLD.get(port, "/calendar/api/me", calendar).statusCode()).isEqualTo(200);
        assertRejected("/api/me", calendar, "AUDIENCE_NOT_ACCEPTED");
    }

    @Test
    void aPathThatOnlyStartsLikeAProfileIsNotInIt() throws Exception {
        String token = WORLD.consumerToken("api://mail").signedWith(Fixture.CONSUMER);
        assertRejected("/consumerx/api/me", token, "KEY_SCOPE_NOT_ACCEPTED");
    }

    @Test
    void aPercentEncodedPathGetsTheProfileOfThePathItRoutesTo() throws Exception {
        String mail = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertRejected("/c%61lendar/api/me", mail, "AUDIENCE_NOT_ACCEPTED");
        String consumer = WORLD.consumerToken("api://mail").signedWith(Fixture.CONSUMER);
        assertThat(WORLD.get(port, "/consum%65r/api/me", consumer).statusCode()).isEqualTo(200);
    }

    @Test
    void validationAndKeyFetchesNeverRunOnAnEventLoopThread() throws Exception {
        ReactiveTestApp.VERDICT_THREADS.clear();
        ReactiveTestApp.FETCH_THREADS.clear();
        WORLD.clock.advance(Duration.ofMinutes(1));
        // an unknown kid makes Keyfence refetch the key set while the request waits
        String unknownKid = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(TestKey.rsa("never-published"));
        assertRejected("/api/me", unknownKid, "KEY_NOT_FOUND");
        String token = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertThat(WORLD.get(port, "/api/me", token).statusCode()).isEqualTo(200);
        // Reactor marks its and Netty's event-loop threads (webflux-http-epoll-N, reactor-http-nio-N) non-blocking
        assertThat(ReactiveTestApp.VERDICT_THREADS)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(
                        name -> assertThat(name).startsWith("boundedElastic-").doesNotContain("non-blocking"));
        assertThat(ReactiveTestApp.FETCH_THREADS)
                .isNotEmpty()
                .allSatisfy(
                        name -> assertThat(name).doesNotContain("non-blocking").doesNotContain("http"));
    }

    @Test
    void healthReportsEachKeySource() throws Exception {
        String token = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        HttpResponse<String> r = WORLD.get(port, "/actuator/health", token);
        assertThat(r.body()).contains("\"keyfence\"", "\"enterprise\"", "\"partner\"", "/consumers/keys");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(WORLD.get(port, "/actuator/health", null).statusCode()).isEqualTo(401);
    }

    @Test
    void countsVerdictsPerResourceAndReason() throws Exception {
        String forged = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.SHARED_CONSUMER);
        double before = count("KEY_SCOPE_NOT_ACCEPTED");
        assertRejected("/api/me", forged, "KEY_SCOPE_NOT_ACCEPTED");
        assertThat(count("KEY_SCOPE_NOT_ACCEPTED")).isEqualTo(before + 1);
    }

    @Test
    void tenantTagsNameConfiguredTenantsAndCountEveryOtherAsOther() throws Exception {
        // keyfence.metrics.tenant-tags=true; the enterprise issuer names tid-a and tid-b
        String named = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.SHARED_CONSUMER);
        String unnamed = WORLD.enterpriseToken("tid-evil", "api://mail").signedWith(Fixture.ENTERPRISE);
        double a = tenantCount("tid-a");
        double other = tenantCount("other");
        assertRejected("/api/me", named, "KEY_SCOPE_NOT_ACCEPTED");
        assertRejected("/api/me", unnamed, "TENANT_NOT_ALLOWED");
        assertThat(tenantCount("tid-a")).isEqualTo(a + 1);
        assertThat(tenantCount("other")).isEqualTo(other + 1);
        assertThat(meters.find("keyfence.tokens").tag("tenant", "tid-evil").counters())
                .isEmpty();
    }

    private double tenantCount(String tenant) {
        return meters.find("keyfence.tokens").tag("tenant", tenant).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private double count(String reason) {
        return meters.find("keyfence.tokens").tag("reason", reason).tag("issuer", "enterprise").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private void assertRejected(String path, String token, String reason) throws Exception {
        HttpResponse<String> r = WORLD.get(port, path, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
    }
}
