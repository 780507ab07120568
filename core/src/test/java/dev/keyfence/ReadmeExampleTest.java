package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's usage snippet, compiled and run: an enterprise key passes, a consumer key on the same endpoint does not. */
class ReadmeExampleTest {
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    @Test
    void acceptsEnterpriseKeyAndRejectsConsumerKeyFromTheSameEndpoint() {
        TestKey enterprise = TestKey.rsa("enterprise-2024");
        TestKey consumer = TestKey.rsa("consumer-2016");
        Instant now = Instant.parse("2023-05-15T12:00:00Z");
        String common = JwkSet.of(enterprise, consumer).toJson();
        String consumersOnly = JwkSet.of(consumer).toJson();

        // --- README snippet start
        ValidationPolicy policy = ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("contoso")
                        .issuer("https://login.example.test/{tenantid}/v2.0")
                        .keySource(KeySource.jwks(common)) // or KeySource.jwksUri("https://.../keys")
                        .keyScope("enterprise")
                        .tenants(TENANT)
                        .build())
                .issuer(TrustedIssuer.builder()
                        .name("consumer")
                        .issuer("https://login.example.test/" + CONSUMER_TENANT + "/v2.0")
                        .keySource(KeySource.jwks(consumersOnly))
                        .keyScope("consumer")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api://mail")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .clock(MutableClock.at(now))
                .build();
        TokenValidator validator = TokenValidator.create(policy);
        // --- README snippet end

        String iss = "https://login.example.test/" + TENANT + "/v2.0";
        String good = Tokens.accessToken(iss, "api://mail", now).tenant(TENANT).signedWith(enterprise);
        String forged =
                Tokens.accessToken(iss, "api://mail", now).tenant(TENANT).signedWith(consumer);

        Verdict ok = validator.validate(good);
        assertThat(ok).isInstanceOf(Verdict.Accepted.class);
        assertThat(ok.keyScope()).contains("enterprise");
        assertThat(ok.tenant()).contains(TENANT);

        Verdict no = validator.validate(forged);
        assertThat(no).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEY_SCOPE_NOT_ACCEPTED);
            assertThat(r.keyScope()).contains("consumer");
        });
    }
}
