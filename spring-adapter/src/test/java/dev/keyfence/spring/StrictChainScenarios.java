package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.testkit.CredentialCases;
import dev.keyfence.testkit.DpopCases;
import dev.keyfence.testkit.DpopProofs;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The default Keyfence chain of a real Spring Boot app on HTTPS with client certificates on
 * 127.0.0.1, attacked as issue #20 describes, the same on Spring MVC ({@link StrictChainTest}) and
 * WebFlux ({@link StrictReactiveChainTest}), with the tables the servlet filter tests send Tomcat
 * and Jetty: certificate-bound tokens and the shared DPoP table, the shared credential table,
 * paths the firewall rejects, a forged {@code Host} at the metadata endpoint, {@code POST /logout},
 * signed tokens with extreme claims and an attacker-chosen kid.
 */
abstract class StrictChainScenarios {
    static final Tls.Identity CLIENT = Tls.Identity.create("client");
    static final Tls.Identity THIEF = Tls.Identity.create("thief");
    static final TestKey DPOP_KEY = TestKey.ec("dpop-client", "P-256");
    static final TestKey OTHER_KEY = TestKey.ec("dpop-other", "P-256");

    /** The fixture the app under test trusts. */
    abstract Fixture world();

    /** The app's HTTPS port. */
    abstract int port();

    /** Extra checks of the body a token with {@code scp: [1]} gets (none by default). */
    void checkNumericScopeBody(String body) {}

    /** The fixture's keyfence.* properties, and HTTPS asking for client certificates of {@link #CLIENT} or {@link #THIEF}. */
    static void register(Fixture world, DynamicPropertyRegistry registry) throws IOException {
        world.properties().forEach((k, v) -> registry.add(k, () -> v));
        Path dir = Files.createTempDirectory("keyfence-tls");
        Path keyStore = Tls.Identity.create("server").writeKeyStore(dir.resolve("server.p12"));
        Path trustStore = Tls.writeTrustStore(List.of(CLIENT, THIEF), dir.resolve("clients.p12"));
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> keyStore.toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> new String(Tls.PASSWORD));
        registry.add("server.ssl.key-alias", () -> "key");
        registry.add("server.ssl.trust-store", () -> trustStore.toUri().toString());
        registry.add("server.ssl.trust-store-type", () -> "PKCS12");
        registry.add("server.ssl.trust-store-password", () -> new String(Tls.PASSWORD));
        registry.add("server.ssl.client-auth", () -> "want");
    }

    private String token() {
        return world().enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
    }

    private static List<String[]> bearer(String token) {
        return List.<String[]>of(new String[] {"Authorization", "Bearer " + token});
    }

    private static void assertRejected(Tls.Reply reply, String reason) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"" + reason + "\"}");
    }

    // issue #20 finding 3 (gap 1): one credential policy, the same answers as the filter and Spring MVC

    @Test
    void answersEveryCaseOfTheSharedCredentialTableLikeTheFilter() {
        String token = token();
        for (CredentialCases.Case c : CredentialCases.all()) {
            Tls.Reply reply = Tls.send(
                    port(),
                    c.method(),
                    ("/api/me" + (c.query().isEmpty() ? "" : "?" + c.query())).replace(CredentialCases.TOKEN, token),
                    Optional.empty(),
                    c.authorization().stream()
                            .map(a -> new String[] {"Authorization", a.replace(CredentialCases.TOKEN, token)})
                            .toList(),
                    c.form().map(f -> f.replace(CredentialCases.TOKEN, token)));
            assertThat(reply.status()).as(c.name()).isEqualTo(c.status());
            assertThat(reply.challenge()).as(c.name()).isEqualTo(c.challenge());
            c.body().ifPresent(body -> assertThat(reply.body()).as(c.name()).isEqualTo(body));
        }
    }

    @Test
    void answersFirewallRejectionsWith400AndAReason() {
        for (String path : List.of("//api/me", "/api;x=1/me", "/api/%2e%2e/me", "/api/me%0a", "/api/./me")) {
            String answer = Tls.raw(
                    port(),
                    List.of("GET " + path + " HTTP/1.1", "Host: 127.0.0.1", "Authorization: Bearer " + token()));
            assertThat(answer)
                    .as(path)
                    .startsWith("HTTP/1.1 400")
                    .contains("WWW-Authenticate: Bearer error=\"invalid_request\", "
                            + "error_description=\"ambiguous request path\"")
                    .contains("{\"error\":\"invalid_request\",\"error_description\":\"ambiguous request path\"}");
        }
    }

    // issue #20 finding 1 and gap 2: sender-constrained tokens on WebFlux

    private String certificateBound() {
        return world().enterpriseToken("tid-a", "api://mail")
                .claim("cnf", Map.of("x5t#S256", DpopProofs.x5tS256(CLIENT.certificate())))
                .signedWith(Fixture.ENTERPRISE);
    }

    @Test
    void refusesCertificateBoundTokenWithoutItsCertificate() {
        assertRejected(
                Tls.get(port(), "/api/me", Optional.empty(), bearer(certificateBound())), "TOKEN_BINDING_MISMATCH");
        assertRejected(
                Tls.get(port(), "/api/me", Optional.of(THIEF), bearer(certificateBound())), "TOKEN_BINDING_MISMATCH");
    }

    @Test
    void acceptsCertificateBoundTokenWithItsCertificate() {
        Tls.Reply reply = Tls.get(port(), "/api/me", Optional.of(CLIENT), bearer(certificateBound()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void answersEveryCaseOfTheSharedDpopTableLikeTheFilter() {
        String token = world().enterpriseToken("tid-a", "api://mail")
                .claim("cnf", Map.of("jkt", DPOP_KEY.thumbprint()))
                .signedWith(Fixture.ENTERPRISE);
        String url = "https://127.0.0.1:" + port() + "/api/me";
        for (DpopCases.Case c :
                DpopCases.all(DPOP_KEY, OTHER_KEY, token, url, world().clock.instant())) {
            Tls.Reply reply = Tls.get(port(), "/api/me", Optional.empty(), c.headers());
            assertThat(reply.status()).as(c.name()).isEqualTo(c.status());
            assertThat(reply.challenge()).as(c.name()).isEqualTo(c.challenge());
            c.body().ifPresent(body -> assertThat(reply.body()).as(c.name()).isEqualTo(body));
        }
    }

    // issue #20 finding 5: a stateless resource-server chain

    @Test
    void hasNoLogoutLoginOrSessions() {
        Tls.Reply logout = Tls.send(port(), "POST", "/logout", Optional.empty(), bearer("junk"), Optional.empty());
        assertThat(logout.status()).isEqualTo(401);
        assertThat(logout.headers()).doesNotContainKey("location");
        assertThat(Tls.get(port(), "/login", Optional.empty(), List.of()).status())
                .isEqualTo(401);
        Tls.Reply ok = Tls.get(port(), "/api/me", Optional.empty(), bearer(token()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers()).doesNotContainKey("set-cookie");
    }

    @Test
    void metadataNeverReflectsTheHost() {
        for (String path :
                List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/api/me")) {
            String answer = Tls.raw(port(), List.of("GET " + path + " HTTP/1.1", "Host: attacker.example"));
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("attacker.example");
        }
    }

    // issue #20 findings 4 and 6: no exception for extreme claims, no claim values or forged fields in logs

    @Test
    void extremeClaimValuesNeverThrowNorReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            String nbf = world().enterpriseToken("tid-a", "api://mail")
                    .claim("nbf", -1e17)
                    .claim("note", "secret-claim-value-1")
                    .signedWith(Fixture.ENTERPRISE);
            assertThat(Tls.get(port(), "/api/me", Optional.empty(), bearer(nbf)).status())
                    .isEqualTo(200);
            String scp = world().enterpriseToken("tid-a", "api://mail")
                    .claim("scp", List.of(1))
                    .claim("note", "secret-claim-value-2")
                    .signedWith(Fixture.ENTERPRISE);
            Tls.Reply reply = Tls.get(port(), "/api/me", Optional.empty(), bearer(scp));
            assertThat(reply.status()).isEqualTo(200);
            checkNumericScopeBody(reply.body());
        } finally {
            root.detachAppender(lines);
        }
        assertThat(lines.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain("secret-claim-value", "1.0E17", "-1e17");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void auditLineQuotesAnAttackerChosenKid() {
        Logger audit = (Logger) LoggerFactory.getLogger("dev.keyfence.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            String forged = world().enterpriseToken("tid-a", "api://mail")
                    .kid("a\" tid=\"victim")
                    .signedWith(Fixture.ENTERPRISE);
            assertRejected(Tls.get(port(), "/api/me", Optional.empty(), bearer(forged)), "KEY_NOT_FOUND");
        } finally {
            audit.detachAppender(lines);
        }
        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line)
                        .contains("kid=\"a\\\" tid=\\\"victim\"")
                        .doesNotContain("tid=\"victim\""));
    }
}
