package dev.keyfence.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.jakarta.support.Deployment;
import dev.keyfence.jakarta.support.Incident2023;
import dev.keyfence.jakarta.support.ServletContainer;
import dev.keyfence.testkit.DpopCases;
import dev.keyfence.testkit.DpopProofs;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sender-constrained tokens through the filter on real HTTPS with client certificates on
 * 127.0.0.1: a certificate-bound token (RFC 8705 {@code cnf.x5t#S256}) sent without its
 * certificate, or with another, is refused with TOKEN_BINDING_MISMATCH, as is a DPoP-bound token
 * (RFC 9449) sent as a bearer token or with a replayed proof. Run on each container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SenderConstraintScenarios {
    private static final TestKey DPOP_KEY = TestKey.ec("dpop-client", "P-256");
    private static final TestKey OTHER_KEY = TestKey.ec("dpop-other", "P-256");
    private final Tls.Identity client = Tls.Identity.create("client");
    private final Tls.Identity thief = Tls.Identity.create("thief");
    private Incident2023 idp;
    private ServletContainer.Running app;

    abstract ServletContainer container();

    @BeforeAll
    void start() {
        idp = new Incident2023();
        app = container()
                .startTls(
                        Deployment.create().filter("mail", new KeyfenceFilter(idp.validator), Map.of(), "/api/*"),
                        Tls.Identity.create("server"),
                        Tls.trustStore(List.of(client, thief)));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        idp.close();
    }

    private String certificateBound() {
        return idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                .claim("cnf", Map.of("x5t#S256", DpopProofs.x5tS256(client.certificate())))
                .signedWith(idp.enterprise);
    }

    private static List<String[]> bearer(String token) {
        return List.<String[]>of(new String[] {"Authorization", "Bearer " + token});
    }

    private static void assertMismatch(Tls.Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.challenge())
                .contains("Bearer error=\"invalid_token\", error_description=\"TOKEN_BINDING_MISMATCH\"");
        assertThat(reply.body())
                .isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"TOKEN_BINDING_MISMATCH\"}");
    }

    @Test
    void refusesCertificateBoundTokenSentWithoutACertificate() {
        assertMismatch(Tls.get(app.port(), "/api/me", Optional.empty(), bearer(certificateBound())));
    }

    @Test
    void refusesCertificateBoundTokenSentWithAnotherCertificate() {
        assertMismatch(Tls.get(app.port(), "/api/me", Optional.of(thief), bearer(certificateBound())));
    }

    @Test
    void acceptsCertificateBoundTokenWithItsCertificate() {
        Tls.Reply reply = Tls.get(app.port(), "/api/me", Optional.of(client), bearer(certificateBound()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("keyScope=enterprise");
    }

    @Test
    void unboundTokenNeedsNoCertificate() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL).signedWith(idp.enterprise);
        assertThat(Tls.get(app.port(), "/api/me", Optional.empty(), bearer(token))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void dpopBoundTokenNeedsAFreshProofOfItsKey() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                .claim("cnf", Map.of("jkt", DPOP_KEY.thumbprint()))
                .signedWith(idp.enterprise);
        String url = "https://127.0.0.1:" + app.port() + "/api/me";
        String proof = DpopProofs.proof(DPOP_KEY, "GET", url, token, idp.clock.instant())
                .signedWith(DPOP_KEY);
        List<String[]> dpop = List.of(new String[] {"Authorization", "DPoP " + token}, new String[] {"DPoP", proof});

        assertMismatch(Tls.get(app.port(), "/api/me", Optional.empty(), bearer(token)));
        assertThat(Tls.get(app.port(), "/api/me", Optional.empty(), dpop).status())
                .isEqualTo(200);
        assertMismatch(Tls.get(app.port(), "/api/me", Optional.empty(), dpop)); // the same proof again
        String elsewhere = DpopProofs.proof(
                        DPOP_KEY, "GET", url.replace("/api/me", "/api/other"), token, idp.clock.instant())
                .signedWith(DPOP_KEY);
        assertMismatch(Tls.get(
                app.port(),
                "/api/me",
                Optional.empty(),
                List.of(new String[] {"Authorization", "DPoP " + token}, new String[] {"DPoP", elsewhere})));
    }

    @Test
    void answersEveryCaseOfTheSharedDpopTableAlike() {
        String token = idp.enterpriseToken("tenant-a", Incident2023.MAIL)
                .claim("cnf", Map.of("jkt", DPOP_KEY.thumbprint()))
                .signedWith(idp.enterprise);
        String url = "https://127.0.0.1:" + app.port() + "/api/me";
        for (DpopCases.Case c : DpopCases.all(DPOP_KEY, OTHER_KEY, token, url, idp.clock.instant())) {
            Tls.Reply reply = Tls.get(app.port(), "/api/me", Optional.empty(), c.headers());
            assertThat(reply.status()).as(c.name()).isEqualTo(c.status());
            assertThat(reply.challenge()).as(c.name()).isEqualTo(c.challenge());
            c.body().ifPresent(body -> assertThat(reply.body()).as(c.name()).isEqualTo(body));
        }
    }
}
