package dev.keyfence.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeySource;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.ReadmeSnippets;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's usage snippet, compiled and run: an enterprise key passes, a consumer key on the
 * same endpoint does not. A second test holds the README to this code (its imports included).
 */
class ReadmeExampleTest {
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final Path SOURCE = Path.of("src/test/java/dev/keyfence/docs/ReadmeExampleTest.java");

    private final List<Reason> refused = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();

    private void respond401(Reason reason) {
        refused.add(reason);
    }

    private void serve(String subject) {
        subjects.add(subject);
    }

    /** Runs the README snippet on one bearer token. */
    private void snippet(String common, String consumersOnly, String bearerToken) {
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
                .build();
        TokenValidator validator = TokenValidator.create(policy);

        Verdict verdict = validator.validate(bearerToken);
        if (verdict instanceof Verdict.Rejected rejected) {
            respond401(rejected.reason()); // one code of dev.keyfence.Reason; never throws, for any input
        } else if (verdict instanceof Verdict.Accepted accepted) {
            String subject = accepted.token().subject().orElseThrow();
            serve(subject);
        }
        // --- README snippet end
    }

    @Test
    void acceptsEnterpriseKeyAndRejectsConsumerKeyFromTheSameEndpoint() {
        TestKey enterprise = TestKey.rsa("enterprise-2024");
        TestKey consumer = TestKey.rsa("consumer-2016");
        Instant now = Instant.now();
        String common = JwkSet.of(enterprise, consumer).toJson();
        String consumersOnly = JwkSet.of(consumer).toJson();
        String iss = "https://login.example.test/" + TENANT + "/v2.0";

        snippet(
                common,
                consumersOnly,
                Tokens.accessToken(iss, "api://mail", now)
                        .tenant(TENANT)
                        .subject("alice")
                        .signedWith(enterprise));
        snippet(
                common,
                consumersOnly,
                Tokens.accessToken(iss, "api://mail", now).tenant(TENANT).signedWith(consumer));

        assertThat(subjects).containsExactly("alice");
        assertThat(refused).containsExactly(Reason.KEY_SCOPE_NOT_ACCEPTED);
    }

    @Test
    void theReadmeShowsThisSnippetWithItsImports() {
        ReadmeSnippets.assertShownBy(Path.of("../README.md"), "ValidationPolicy policy", SOURCE);
    }
}
