package dev.keyfence;

import static dev.keyfence.TenantScopeSetup.AUDIENCE;
import static dev.keyfence.TenantScopeSetup.CONSUMER_ISSUER;
import static dev.keyfence.TenantScopeSetup.CONSUMER_KEY;
import static dev.keyfence.TenantScopeSetup.CONSUMER_TENANT;
import static dev.keyfence.TenantScopeSetup.ENTERPRISE_KEY;
import static dev.keyfence.TenantScopeSetup.TEMPLATE;
import static dev.keyfence.TenantScopeSetup.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource profiles from {@code forResource} and from the YAML {@code resources:} section share key
 * caches: one token, accepted at one profile and KEY_SCOPE_NOT_ACCEPTED at another, one key fetch.
 * The consumer issuer's keys come over HTTP from a JwksServer; the enterprise template issuer's
 * (which never publishes the consumer key here) from a file, so every HTTP hit is a fetch of the
 * one source the token's key lives in.
 */
class ScopeResourceProfileTest {
    private static final Instant NOW = Instant.parse("2023-06-16T10:00:00Z");

    private JwksServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws java.io.IOException {
        server = JwksServer.start();
        server.serveKeys("/consumers/keys", JwkSet.of(CONSUMER_KEY.jwk().member("issuer", CONSUMER_ISSUER)));
        java.nio.file.Files.writeString(
                dir.resolve("enterprise.json"),
                JwkSet.of(ENTERPRISE_KEY.jwk().member("issuer", TEMPLATE)).toJson());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String consumerToken() {
        return Tokens.accessToken(CONSUMER_ISSUER, AUDIENCE, NOW)
                .tenant(CONSUMER_TENANT)
                .signedWith(CONSUMER_KEY);
    }

    @Test
    void sameTokenAcceptedAtOneProfileAndRefusedAtAnotherWithOneFetchFromCode() {
        ValidationPolicy policy = ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("enterprise")
                        .issuer(TEMPLATE)
                        .keySource(KeySource.file(dir.resolve("enterprise.json")))
                        .keyScope("enterprise")
                        .tenants(TENANT_A)
                        .build())
                .issuer(TrustedIssuer.builder()
                        .name("consumer")
                        .issuer(CONSUMER_ISSUER)
                        .keySource(
                                KeySource.jwksUri(server.uri("/consumers/keys").toString()))
                        .keyScope("consumer")
                        .build())
                .resource(ResourcePolicy.builder()
                        .name("mail")
                        .audiences(AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                .clock(MutableClock.at(NOW))
                .build();
        TokenValidator mail = TokenValidator.create(policy);
        TokenValidator outlook = mail.forResource(mail.resource().toBuilder()
                .name("outlook.com")
                .acceptedKeyScopes("consumer")
                .build());

        assertProfiles(outlook, mail);
    }

    @Test
    void sameTokenAcceptedAtOneProfileAndRefusedAtAnotherWithOneFetchFromYaml() {
        String yaml = """
                issuers:
                  - name: enterprise
                    issuer: "%s"
                    jwks-file: enterprise.json
                    key-scope: enterprise
                    tenants: ["%s"]
                  - name: consumer
                    issuer: "%s"
                    jwks-uri: "%s"
                    key-scope: consumer
                resource:
                  name: mail
                  audiences: ["%s"]
                  accepted-key-scopes: [enterprise]
                resources:
                  outlook.com:
                    paths: ["/personal/**"]
                    accepted-key-scopes: [consumer]
                jwks:
                  allow-http-loopback: true
                """.formatted(TEMPLATE, TENANT_A, CONSUMER_ISSUER, server.uri("/consumers/keys"), AUDIENCE);
        KeyfenceConfig config = KeyfenceConfig.parse(yaml, dir);
        TokenValidator mail = TokenValidator.create(
                config.policy().toBuilder().clock(MutableClock.at(NOW)).build());
        NamedResource outlookProfile = config.resources().get(0);
        assertThat(outlookProfile.name()).isEqualTo("outlook.com");
        TokenValidator outlook = mail.forResource(outlookProfile.resource());

        assertProfiles(outlook, mail);
    }

    private void assertProfiles(TokenValidator accepting, TokenValidator refusing) {
        String token = consumerToken();
        for (int i = 0; i < 3; i++) {
            assertThat(accepting.validate(token))
                    .isInstanceOfSatisfying(
                            Verdict.Accepted.class,
                            a -> assertThat(a.token().keyScope()).isEqualTo("consumer"));
            assertThat(refusing.validate(token)).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(Reason.KEY_SCOPE_NOT_ACCEPTED);
                assertThat(r.keyScope()).contains("consumer");
            });
        }
        assertThat(server.totalHits()).as("one key fetch for both profiles").isEqualTo(1);
        assertThat(server.hits("/consumers/keys")).isEqualTo(1);
    }
}
