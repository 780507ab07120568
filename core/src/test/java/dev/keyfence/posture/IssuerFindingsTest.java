package dev.keyfence.posture;

import static dev.keyfence.posture.PostureSetup.ISSUER;
import static dev.keyfence.posture.PostureSetup.TEMPLATE;
import static dev.keyfence.posture.PostureSetup.clean;
import static dev.keyfence.posture.PostureSetup.codes;
import static dev.keyfence.posture.PostureSetup.issuer;
import static dev.keyfence.posture.PostureSetup.keys;
import static dev.keyfence.posture.PostureSetup.only;
import static dev.keyfence.posture.PostureSetup.policy;
import static dev.keyfence.posture.PostureSetup.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeySource;
import dev.keyfence.SourceStatus;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The findings about an issuer's configuration and key source: tenants, algorithms, transport, reachability. */
class IssuerFindingsTest {
    final TestKey key = TestKey.rsa("k1");
    final JwksServer server = JwksServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsTemplateIssuerAcceptingAnyTenant() {
        PostureReport report = report(
                policy(issuer(TEMPLATE, keys(clean(key, ISSUER))).tenants("*").build()));

        Finding f = only(report, FindingCode.TENANT_UNRESTRICTED);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.issuerName()).contains("contoso");
        assertThat(f.issuer()).contains(TEMPLATE);
        assertThat(f.kid()).isEmpty();
    }

    @Test
    void templateIssuerWithListedTenantsIsNotUnrestricted() {
        PostureReport report = report(policy(
                issuer(TEMPLATE, keys(clean(key, ISSUER))).tenants("tid-a").build()));

        assertThat(codes(report)).doesNotContain(FindingCode.TENANT_UNRESTRICTED);
    }

    @Test
    void reportsIssuerAllowingSymmetricAlgorithms() {
        PostureReport report = report(
                policy(issuer(clean(key, ISSUER)).algorithms("RS256", "HS256").build()));

        Finding f = only(report, FindingCode.SYMMETRIC_ALGORITHM_ALLOWED);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.issuer()).contains(ISSUER);
        assertThat(f.message()).contains("[HS256]").doesNotContain("RS256");
    }

    @Test
    void reportsKeysReadOverPlainHttpButStillReadable() {
        server.serveKeys("/keys", JwkSet.of(clean(key, ISSUER)));
        String url = server.uri("/keys").toString();

        PostureReport report =
                report(policy(issuer(ISSUER, KeySource.jwksUri(url)).build()));

        Finding f = only(report, FindingCode.INSECURE_KEY_TRANSPORT);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).endsWith("plain http: " + url);
        assertThat(codes(report)).containsExactly(FindingCode.INSECURE_KEY_TRANSPORT);
        assertThat(report.issuers().get(0).keys()).hasSize(1);
    }

    @Test
    void reportsDiscoveryOverPlainHttp() {
        server.serveKeys("/keys", JwkSet.of(clean(key, ISSUER)))
                .discovery(
                        "/.well-known/openid-configuration",
                        ISSUER,
                        server.uri("/keys").toString());

        PostureReport report =
                report(policy(issuer(ISSUER, KeySource.discovery(server.uri("/.well-known/openid-configuration")))
                        .build()));

        assertThat(codes(report)).contains(FindingCode.INSECURE_KEY_TRANSPORT);
    }

    @Test
    void reportsIssuerWhoseKeysCannotBeReadWithoutThrowing() {
        server.respond("/keys", 500, "{}");
        String url = server.uri("/keys").toString();

        PostureReport report =
                report(policy(issuer(ISSUER, KeySource.jwksUri(url)).build()));

        Finding f = only(report, FindingCode.ISSUER_UNREACHABLE);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.issuerName()).contains("contoso");
        assertThat(f.kid()).isEmpty();
        assertThat(f.message()).contains("cannot be read from " + url);
        assertThat(report.issuers().get(0).health()).contains(SourceStatus.Health.DOWN);
    }

    @Test
    void httpsKeySourceIsNotInsecureTransport() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        PostureReport report = report(policy(issuer(ISSUER, KeySource.jwksUri("https://127.0.0.1:" + closed + "/keys"))
                .build()));

        assertThat(codes(report)).containsExactly(FindingCode.ISSUER_UNREACHABLE);
    }
}
