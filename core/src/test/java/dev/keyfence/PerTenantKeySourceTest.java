package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A {@code {tenantid}} jwks-uri: each tenant's keys come from its own URL, and posture names that URL. */
class PerTenantKeySourceTest {

    @Test
    void eachTenantReadsItsOwnJwksUriAndSourceStatusNamesIt() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        TestKey keyA = TestKey.rsa("key-a");
        TestKey keyB = TestKey.rsa("key-b");
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/realms/tenant-a/certs", JwkSet.of(keyA));
            server.serveKeys("/realms/tenant-b/certs", JwkSet.of(keyB));
            String base = "http://127.0.0.1:" + server.port();
            TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("realms")
                            .issuer(base + "/realms/{tenantid}")
                            .keySource(KeySource.jwksUri(base + "/realms/{tenantid}/certs"))
                            .keyScope("enterprise")
                            .tenants("tenant-a", "tenant-b")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences("api://mail")
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                    .clock(MutableClock.at(now))
                    .build());

            String a = Tokens.accessToken(base + "/realms/tenant-a", "api://mail", now)
                    .tenant("tenant-a")
                    .signedWith(keyA);
            // tenant-b's key signing a tenant-a token: not in tenant-a's own source
            String crossed = Tokens.accessToken(base + "/realms/tenant-a", "api://mail", now)
                    .tenant("tenant-a")
                    .signedWith(keyB);
            String b = Tokens.accessToken(base + "/realms/tenant-b", "api://mail", now)
                    .tenant("tenant-b")
                    .signedWith(keyB);

            assertThat(validator.validate(a).valid()).isTrue();
            assertThat(validator.validate(b).valid()).isTrue();
            assertThat(validator.validate(crossed))
                    .isInstanceOfSatisfying(
                            Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
            assertThat(validator.sourceStatuses())
                    .extracting(SourceStatus::source, SourceStatus::location)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple("realms/tenant-a", base + "/realms/tenant-a/certs"),
                            Tuple.tuple("realms/tenant-b", base + "/realms/tenant-b/certs"));
        }
    }
}
