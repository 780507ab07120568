package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.app.TestResourceServer;
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
@SpringBootTest(classes = TestResourceServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    @Test
    void acceptsEnterpriseTokenAndExposesKeyScopeAndTenant() throws Exception {
        String token = WORLD.enterpriseToken("tid-a", "api://mail").claim("scp", "Mail.Read Mail.Send")
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
        String token = WORLD.enterpriseToken("tid-a", "api://mail").tenant("tid-b").signedWith(Fixture.ENTERPRISE);
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
        WORLD.server.serveKeys("/common/keys", dev.keyfence.testkit.JwkSet.of(Fixture.ENTERPRISE.jwk(),
                Fixture.SHARED_CONSUMER.jwk(), Fixture.REVOKED.jwk()));
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
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", "ent-1")
                .containsEntry("typ", "at+jwt");
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getIssuedAt()).isEqualTo(WORLD.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
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
