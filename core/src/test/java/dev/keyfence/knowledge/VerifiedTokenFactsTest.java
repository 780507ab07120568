package dev.keyfence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.VerifiedToken;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6 of issue 14 (verified token): an exact issuer's token reports no tenant, whatever
 * its unchecked {@code tid} says; a key published by sources of two accepted scopes reports both.
 */
class VerifiedTokenFactsTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final TestKey SHARED = TestKey.rsa("shared-1");

    @TempDir
    Path dir;

    private TokenValidator validator() throws IOException {
        Files.writeString(dir.resolve("enterprise.json"), JwkSet.of(SHARED).toJson());
        Files.writeString(
                dir.resolve("partner.json"),
                JwkSet.of(SHARED, TestKey.rsa("p-1")).toJson());
        String yaml = "issuers:\n"
                + "  - name: enterprise\n    issuer: \"https://ent.example.test\"\n    jwks-file: enterprise.json\n"
                + "    key-scope: enterprise\n"
                + "  - name: partner\n    issuer: \"https://partner.example.test\"\n    jwks-file: partner.json\n"
                + "    key-scope: partner\n"
                + "resource:\n  audiences: [\"api://x\"]\n  accepted-key-scopes: [enterprise, partner]\n";
        ValidationPolicy policy = KeyfenceConfig.parse(yaml, dir).policy().toBuilder()
                .clock(MutableClock.at(NOW))
                .build();
        TokenValidator validator = TokenValidator.create(policy);
        validator.sourceStatuses(); // waits for every fixed source's first read (started in the background at creation)
        return validator;
    }

    private static VerifiedToken accepted(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Accepted.class);
        return ((Verdict.Accepted) v).token();
    }

    @Test
    void exactIssuerTokenReportsNoTenantEvenWithATidClaim() throws IOException {
        VerifiedToken t = accepted(validator()
                .validate(Tokens.accessToken("https://ent.example.test", "api://x", NOW)
                        .tenant("attacker-chosen-tenant")
                        .signedWith(SHARED)));

        assertThat(t.tenant()).isEmpty();
        assertThat(t.claims()).containsEntry("tid", "attacker-chosen-tenant"); // still readable as a claim
    }

    @Test
    void keyPublishedUnderTwoAcceptedScopesReportsBoth() throws IOException {
        VerifiedToken t = accepted(validator()
                .validate(Tokens.accessToken("https://ent.example.test", "api://x", NOW)
                        .signedWith(SHARED)));

        assertThat(t.keyScope()).isEqualTo("enterprise");
        assertThat(t.keyScopes()).containsExactly("enterprise", "partner");
    }
}
