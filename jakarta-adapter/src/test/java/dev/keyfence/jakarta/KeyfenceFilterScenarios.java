package dev.keyfence.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyReference;
import dev.keyfence.jakarta.support.Deployment;
import dev.keyfence.jakarta.support.Http;
import dev.keyfence.jakarta.support.Http.Reply;
import dev.keyfence.jakarta.support.Incident2023;
import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.testkit.CredentialCases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The filter on a real container, with keys served over real HTTP and the validator's clock in
 * June 2023: two filter instances share one validator, {@code /api/*} for the enterprise mail
 * resource and {@code /consumer/*} for the consumer-mail profile. Run on each container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyfenceFilterScenarios {
    private Incident2023 idp;
    private ServletContainer.Running app;

    abstract ServletContainer container();

    @BeforeAll
    void start() {
        idp = new Incident2023();
        app = container()
                .start(Deployment.create()
                        .filter("mail", new KeyfenceFilter(idp.validator), Map.of(), "/api/*")
                        .filter("consumer-mail", new KeyfenceFilter(idp.consumerMail()), Map.of(), "/consumer/*"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        idp.close();
    }

    private Reply call(String path, String token) {
        return Http.bearer(app.port(), path, token);
    }

    private static void assertRejected(Reply reply, String reason, String token) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"" + reason + "\"}");
        assertThat(reply.body() + reply.challenge().orElse("")).doesNotContain(token.split("\\.")[1]);
    }

    @Test
    void acceptsEnterpriseTokenAndShowsPrincipalToServlet() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                .subject("alice")
                .signedWith(idp.enterprise);
        Reply reply = call("/api/me", token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .contains(
                        "principalType=KeyfencePrincipal",
                        "name=alice",
                        "remoteUser=alice",
                        "issuer=" + idp.tenantIssuer("tenant-a"),
                        "tenant=tenant-a",
                        "keyScope=enterprise",
                        "authType=" + KeyfenceFilter.AUTH_TYPE,
                        "attribute=" + fingerprint(token));
    }

    @Test
    void matchesBearerSchemeCaseInsensitively() {
        String token = idp.enterpriseToken("tenant-b", Incident2023.MAIL).signedWith(idp.enterprise);
        assertThat(Http.get(app.port(), "/api/me", "bEARER " + token).status()).isEqualTo(200);
    }

    @Test
    void rejectsForgedEnterpriseTokenSignedWithExpiredConsumerKey() {
        // the 2023 forgery: an enterprise tenant's iss, signed by a consumer key from 2016 served on the common
        // endpoint
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.expiredConsumer);
        assertRejected(call("/api/me", token), "KEY_SCOPE_NOT_ACCEPTED", token);
    }

    @Test
    void rejectsConsumerKeyForEnterpriseResource() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.consumer);
        assertRejected(call("/api/me", token), "KEY_SCOPE_NOT_ACCEPTED", token);
    }

    @Test
    void rejectsExpiredConsumerKeyWhereConsumerKeysAreAccepted() {
        String token = idp.consumerToken(Incident2023.CONSUMER_MAIL).signedWith(idp.expiredConsumer);
        assertRejected(call("/consumer/me", token), "KEY_EXPIRED", token);
    }

    @Test
    void rejectsTokenWhoseTidDiffersFromTenantInIss() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                .tenant("tenant-b")
                .signedWith(idp.enterprise);
        assertRejected(call("/api/me", token), "TENANT_NOT_ALLOWED", token);
    }

    @Test
    void rejectsTenantNotConfigured() {
        String token = idp.enterpriseToken("tenant-c", Incident2023.MAIL).signedWith(idp.enterprise);
        assertRejected(call("/api/me", token), "TENANT_NOT_ALLOWED", token);
    }

    @Test
    void rejectsKeyRevokedInConfiguration() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.revoked);
        assertRejected(call("/api/me", token), "KEY_REVOKED", token);
    }

    @Test
    void revocationAtRunTimeReachesEveryFilterSharingTheValidator() {
        String mail = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.consumer);
        String consumer = idp.consumerToken(Incident2023.CONSUMER_MAIL).signedWith(idp.consumer);
        assertThat(call("/consumer/me", consumer).status()).isEqualTo(200);
        idp.validator.revoke(KeyReference.kid("msa-2023"), "test", "incident drill");
        assertRejected(call("/consumer/me", consumer), "KEY_REVOKED", consumer);
        // the enterprise resource still refuses it for its scope first, as before
        assertRejected(call("/api/me", mail), "KEY_SCOPE_NOT_ACCEPTED", mail);
    }

    @Test
    void rejectsKeyRemovedFromItsSourceOnceGraceHasPassed() {
        String before = idp.enterpriseToken("tenant-b", Incident2023.MAIL).signedWith(idp.retiring);
        assertThat(call("/api/me", before).status()).isEqualTo(200);
        idp.unpublish("ent-retiring");
        idp.advance(Duration.ofMinutes(6)); // past jwks.refresh-interval PT5M, retired-grace PT0S
        String after = idp.enterpriseToken("tenant-b", Incident2023.MAIL).signedWith(idp.retiring);
        assertRejected(call("/api/me", after), "KEY_RETIRED", after);
    }

    @Test
    void appliesEachFilterMappingsOwnResourceProfile() {
        String enterprise = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        String consumerMail =
                idp.enterpriseToken("tenant-a", Incident2023.CONSUMER_MAIL).signedWith(idp.enterprise);
        assertThat(call("/api/me", enterprise).status()).isEqualTo(200);
        assertRejected(call("/consumer/me", enterprise), "AUDIENCE_NOT_ACCEPTED", enterprise);
        assertThat(call("/consumer/me", consumerMail).status()).isEqualTo(200);
        assertRejected(call("/api/me", consumerMail), "AUDIENCE_NOT_ACCEPTED", consumerMail);
    }

    @Test
    void answersMissingTokenWithBareBearerChallenge() {
        Reply reply = Http.get(app.port(), "/api/me");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void treatsOtherAuthorizationSchemeAsNoBearerToken() {
        Reply reply = Http.get(app.port(), "/api/me", "Basic YWxpY2U6c2VjcmV0");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer");
    }

    @Test
    void refusesTwoAuthorizationHeaders() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        Reply reply = Http.get(app.port(), "/api/me", "Bearer " + token, "Bearer " + token);
        assertInvalidRequest(reply, "more than one credential in the request", token);
    }

    @Test
    void refusesTokenInQueryStringByDefault() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        Reply reply = Http.get(app.port(), "/api/me?access_token=" + token);
        assertInvalidRequest(reply, "access_token in the query string is not accepted", token);
    }

    @Test
    void refusesHeaderAndQueryTokenTogether() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        Reply reply = Http.get(app.port(), "/api/me?access_token=" + token, "Bearer " + token);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("alice").doesNotContain(token.split("\\.")[1]);
    }

    @Test
    void ignoresFormTokenByDefault() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        Reply reply = Http.postForm(app.port(), "/api/me", "access_token=" + token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer");
    }

    @Test
    void refusesMalformedAuthorizationHeaders() {
        for (String header :
                new String[] {"Bearer", "Bearer ", "Bearer a b", "Bearer a,b", "Bearer <tok>", "Bearer a=b"}) {
            Reply reply = Http.get(app.port(), "/api/me", header);
            assertThat(reply.status()).as(header).isEqualTo(400);
            assertThat(reply.challenge())
                    .as(header)
                    .contains("Bearer error=\"invalid_request\", error_description=\"malformed Authorization header\"");
        }
    }

    @Test
    void rejectsGarbageTokenAsMalformed() {
        String token = "not-a-jwt";
        Reply reply = call("/api/me", token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge()).contains("Bearer error=\"invalid_token\", error_description=\"MALFORMED_TOKEN\"");
        assertThat(reply.body()).doesNotContain(token);
    }

    @Test
    void answersEveryCaseOfTheSharedCredentialTableAlike() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        for (CredentialCases.Case c : CredentialCases.all()) {
            Reply reply = Http.send(
                    app.port(),
                    c.method(),
                    "/api/me" + (c.query().isEmpty() ? "" : "?" + c.query()).replace(CredentialCases.TOKEN, token),
                    c.authorization().stream()
                            .map(a -> a.replace(CredentialCases.TOKEN, token))
                            .toList(),
                    c.form().map(f -> f.replace(CredentialCases.TOKEN, token)));
            assertThat(reply.status()).as(c.name()).isEqualTo(c.status());
            assertThat(reply.challenge()).as(c.name()).isEqualTo(c.challenge());
            c.body().ifPresent(body -> assertThat(reply.body()).as(c.name()).isEqualTo(body));
        }
    }

    @Test
    void auditLineQuotesAnAttackerChosenKidSoItCannotForgeFields() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                .kid("a\" tid=\"forged")
                .signedWith(idp.enterprise);
        ch.qos.logback.classic.Logger audit =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.keyfence.audit");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            assertRejected(call("/api/me", token), "KEY_NOT_FOUND", token);
        } finally {
            audit.detachAppender(lines);
        }
        assertThat(lines.list)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line)
                        .contains("kid=\"a\\\" tid=\\\"forged\"")
                        .doesNotContain("tid=\"forged\""));
    }

    @Test
    void extremeClaimValuesAreAnsweredWithoutExceptionAndNeverLogged() {
        // issue #20 finding 4 on the filter: signed tokens with nbf -1e17 and scp [1] are ordinary requests
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            String nbf = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                    .claim("nbf", -1e17)
                    .claim("note", "secret-claim-value-1")
                    .signedWith(idp.enterprise);
            assertThat(call("/api/me", nbf).status()).isEqualTo(200);
            String scp = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                    .claim("scp", java.util.List.of(1))
                    .claim("note", "secret-claim-value-2")
                    .signedWith(idp.enterprise);
            assertThat(call("/api/me", scp).status()).isEqualTo(200);
        } finally {
            root.detachAppender(lines);
        }
        assertThat(lines.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain("secret-claim-value", "1.0E17", "-1e17");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    private static void assertInvalidRequest(Reply reply, String description, String token) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.challenge())
                .contains("Bearer error=\"invalid_request\", error_description=\"" + description + "\"");
        assertThat(reply.body() + reply.challenge().orElse("")).doesNotContain(token.split("\\.")[1]);
    }

    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
