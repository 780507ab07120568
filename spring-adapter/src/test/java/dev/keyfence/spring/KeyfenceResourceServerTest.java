package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.app.TestResourceServer;
import dev.keyfence.testkit.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * A real Spring Boot resource server on a random port, configured only by keyfence.* properties,
 * driven over real HTTP with keys served over real HTTP on 127.0.0.1.
 */
@SpringBootTest(
        classes = TestResourceServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health,keyfence",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.show-components=always"
        })
class KeyfenceResourceServerTest {
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
    KeyfenceJwtDecoder decoder;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void healthReportsEachKeySource() throws Exception {
        String token = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        HttpResponse<String> r = WORLD.get(port, "/actuator/health", token);
        JsonNode keyfence = JSON.readTree(r.body()).get("components").get("keyfence");
        assertThat(keyfence.get("status").asString()).isEqualTo("DOWN");
        JsonNode sources = keyfence.get("details");
        assertThat(sources.get("enterprise").get("status").asString()).isEqualTo("UP");
        assertThat(sources.get("enterprise").get("details").get("keyfence").asString())
                .isEqualTo("UP");
        assertThat(sources.get("consumer").get("status").asString()).isEqualTo("UP");
        assertThat(sources.get("consumer").get("details").get("location").asString())
                .endsWith("/consumers/keys");
        assertThat(sources.get("partner").get("status").asString()).isEqualTo("DOWN");
        assertThat(sources.get("partner").get("details").get("problem").asString())
                .contains("500");
        assertThat(r.statusCode()).isEqualTo(503);
    }

    @Test
    void healthNeedsATokenLikeEveryOtherPath() throws Exception {
        assertThat(WORLD.get(port, "/actuator/health", null).statusCode()).isEqualTo(401);
    }

    @Test
    void endpointShowsControlsKeysAndFindingsWithoutKeyMaterial() throws Exception {
        String token = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        HttpResponse<String> r = WORLD.get(port, "/actuator/keyfence", token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode posture = JSON.readTree(r.body());
        assertThat(posture.get("controls").toString())
                .contains("{\"name\":\"KEY_SCOPE\",\"enabled\":true,")
                .contains("{\"name\":\"KEY_VALIDITY_WINDOW\",\"enabled\":true,");
        assertThat(posture.get("issuers").get(1).get("name").asString()).isEqualTo("consumer");
        assertThat(posture.get("issuers")
                        .get(1)
                        .get("sources")
                        .get(0)
                        .get("health")
                        .asString())
                .isEqualTo("UP");
        String keys = posture.get("issuers").get(1).get("keys").toString();
        assertThat(keys)
                .contains("\"kid\":\"msa-2016\"", "\"status\":\"EXPIRED\"", "\"notAfter\":\"2021-04-01T00:00:00Z\"");
        String findings = posture.get("findings").toString();
        assertThat(findings)
                .contains(
                        "\"code\":\"KEY_SHARED_ACROSS_SCOPES\"",
                        "\"kid\":\"msa-shared\"",
                        "\"code\":\"EXPIRED_KEY_PUBLISHED\"",
                        "\"code\":\"ISSUER_UNREACHABLE\"",
                        "\"code\":\"INSECURE_KEY_TRANSPORT\"");
        assertThat(posture.get("findings").get(0).get("severity").asString()).isEqualTo("critical");
        assertThat(posture.get("resources").toString()).contains("/consumer/**", "api://calendar");
        String modulus = (String) Fixture.SHARED_CONSUMER.jwk().toMap().get("n");
        assertThat(r.body()).doesNotContain(modulus.substring(0, 40));
    }

    @Test
    void countsVerdictsByOutcomeReasonAndIssuer() throws Exception {
        double revokedBefore = count("rejected", "KEY_REVOKED", "enterprise");
        double acceptedBefore = count("accepted", "none", "enterprise");
        String revoked = WORLD.enterpriseToken("tid-b", "api://mail").signedWith(Fixture.REVOKED);
        assertRejected("/api/me", revoked, "KEY_REVOKED");
        String ok = WORLD.enterpriseToken("tid-b", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertThat(WORLD.get(port, "/api/me", ok).statusCode()).isEqualTo(200);
        assertThat(count("rejected", "KEY_REVOKED", "enterprise")).isEqualTo(revokedBefore + 1);
        assertThat(count("accepted", "none", "enterprise")).isEqualTo(acceptedBefore + 1);
        String stranger = Tokens.accessToken(
                        "https://evil.example/" + "x".repeat(20), "api://mail", WORLD.clock.instant())
                .signedWith(Fixture.ENTERPRISE);
        double untrustedBefore = count("rejected", "ISSUER_NOT_TRUSTED", "untrusted");
        assertRejected("/api/me", stranger, "ISSUER_NOT_TRUSTED");
        assertThat(count("rejected", "ISSUER_NOT_TRUSTED", "untrusted")).isEqualTo(untrustedBefore + 1);
        assertThat(meters.find("keyfence.key.source.events")
                        .tags("source", "enterprise", "event", "fetched")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
        assertThat(meters.find("keyfence.key.source.events")
                        .tags("source", "partner", "event", "fetch_failed")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
    }

    private double count(String outcome, String reason, String issuer) {
        io.micrometer.core.instrument.Counter c = meters.find("keyfence.tokens")
                .tags("outcome", outcome, "reason", reason, "issuer", issuer, "resource", "default")
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void acceptsEnterpriseTokenAndExposesKeyScopeAndTenant() throws Exception {
        String token = WORLD.enterpriseToken("tid-a", "api://mail")
                .claim("scp", "Mail.Read Mail.Send")
                .signedWith(Fixture.ENTERPRISE);
        HttpResponse<String> r = WORLD.get(port, "/api/me", token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("sub").asString()).isEqualTo("alice");
        assertThat(body.get("issuer").asString()).isEqualTo(WORLD.tenantIssuer("tid-a"));
        assertThat(body.get("tenant").asString()).isEqualTo("tid-a");
        assertThat(body.get("keyScope").asString()).isEqualTo("enterprise");
        assertThat(body.get("authorities").toString()).contains("SCOPE_Mail.Read", "SCOPE_Mail.Send");
    }

    @Test
    void rejectsConsumerKeyForEnterpriseTenant() throws Exception {
        String forged = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.SHARED_CONSUMER);
        assertRejected("/api/me", forged, "KEY_SCOPE_NOT_ACCEPTED");
    }

    @Test
    void rejectsExpiredConsumerKey() throws Exception {
        String token = WORLD.consumerToken("api://mail").signedWith(Fixture.EXPIRED_CONSUMER);
        assertRejected("/consumer/api/me", token, "KEY_EXPIRED");
    }

    @Test
    void rejectsExpiredConsumerKeyForEnterpriseResourceByScopeFirst() throws Exception {
        String token = WORLD.consumerToken("api://mail").signedWith(Fixture.EXPIRED_CONSUMER);
        assertRejected("/api/me", token, "KEY_SCOPE_NOT_ACCEPTED");
    }

    @Test
    void rejectsCrossTenantToken() throws Exception {
        String token =
                WORLD.enterpriseToken("tid-a", "api://mail").tenant("tid-b").signedWith(Fixture.ENTERPRISE);
        assertRejected("/api/me", token, "TENANT_NOT_ALLOWED");
    }

    @Test
    void rejectsTenantOutsideAllowList() throws Exception {
        String token = WORLD.enterpriseToken("tid-evil", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertRejected("/api/me", token, "TENANT_NOT_ALLOWED");
    }

    @Test
    void rejectsRevokedKey() throws Exception {
        String token = WORLD.enterpriseToken("tid-b", "api://mail").signedWith(Fixture.REVOKED);
        assertRejected("/api/me", token, "KEY_REVOKED");
    }

    @Test
    void rejectsRetiredKeyAfterItLeavesTheKeySet() throws Exception {
        String before = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.RETIRING);
        assertThat(WORLD.get(port, "/api/me", before).statusCode()).isEqualTo(200);
        WORLD.server.serveKeys(
                "/common/keys",
                dev.keyfence.testkit.JwkSet.of(
                        Fixture.ENTERPRISE.jwk(), Fixture.SHARED_CONSUMER.jwk(), Fixture.REVOKED.jwk()));
        WORLD.clock.advance(Duration.ofMinutes(6));
        String after = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.RETIRING);
        assertRejected("/api/me", after, "KEY_RETIRED");
    }

    @Test
    void answersBareBearerChallengeWithoutToken() throws Exception {
        HttpResponse<String> r = WORLD.get(port, "/api/me", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @Test
    void rejectsMalformedTokenWithoutEchoingIt() throws Exception {
        HttpResponse<String> r = assertRejected("/api/me", "not-a-jwt", "MALFORMED_TOKEN");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).doesNotContain("not-a-jwt");
    }

    @Test
    void consumerProfileAcceptsConsumerKeyThatDefaultResourceRefuses() throws Exception {
        String token = WORLD.consumerToken("api://mail").signedWith(Fixture.CONSUMER);
        HttpResponse<String> ok = WORLD.get(port, "/consumer/api/me", token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("keyScope").asString()).isEqualTo("consumer");
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
    void decoderMapsVerifiedTokenToSpringJwt() {
        String token = WORLD.enterpriseToken("tid-b", "api://mail").signedWith(Fixture.ENTERPRISE);
        KeyfenceJwt jwt = (KeyfenceJwt) decoder.decode(token);
        assertThat(jwt.getHeaders())
                .containsEntry("alg", "RS256")
                .containsEntry("kid", "ent-1")
                .containsEntry("typ", "at+jwt");
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getIssuedAt())
                .isEqualTo(WORLD.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
        assertThat(jwt.getAudience()).containsExactly("api://mail");
        assertThat(jwt.keyScope()).isEqualTo("enterprise");
        assertThat(jwt.tenant()).contains("tid-b");
        assertThat(jwt.issuerName()).isEqualTo("enterprise");
        assertThat(jwt.toString()).doesNotContain(token).contains(jwt.fingerprint());
    }

    private HttpResponse<String> assertRejected(String path, String token, String reason) throws Exception {
        HttpResponse<String> r = WORLD.get(port, path, token);
        assertThat(r.statusCode()).isEqualTo(401);
        String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
        return r;
    }
}
