package dev.keyfence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verified-token cache (on by default) skips only parsing and the signature computation: a
 * repeated token still meets every rule, and a revocation, retirement, expiry or key change takes
 * effect on the very next call.
 */
class VerifiedTokenCacheTest {
    private static final String ISS = "https://idp.example.test";
    private static final Instant NOW = Instant.parse("2025-01-10T10:00:00Z");

    @TempDir
    Path dir;

    private Path jwks;
    private MutableClock clock;
    private TestKey key;
    private TokenValidator validator;
    private String token;

    @BeforeEach
    void setUp() throws IOException {
        key = TestKey.rsa("cache-key");
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, JwkSet.of(key, TestKey.rsa("other-key")).toJson());
        clock = MutableClock.at(NOW);
        validator = TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("idp")
                        .issuer(ISS)
                        .keySource(KeySource.file(jwks))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder()
                        .refreshInterval(Duration.ofMinutes(5))
                        .build())
                .keys(KeyPolicy.builder().retiredGrace(Duration.ZERO).build())
                .clock(clock)
                .build());
        assertThat(ValidationPolicy.DEFAULT_VERIFIED_TOKEN_CACHE).isPositive();
        token = Tokens.accessToken(ISS, "api", NOW).signedWith(key);
        assertThat(validator.validate(token).valid()).isTrue();
        assertThat(validator.validate(token).valid())
                .as("second call, a cache hit")
                .isTrue();
    }

    @Test
    void repeatedTokenIsAnsweredFromTheCache() {
        VerifiedToken first = ((Verdict.Accepted) validator.validate(token)).token();
        assertThat(((Verdict.Accepted) validator.validate(token)).token()).isSameAs(first);
    }

    @Test
    void revocationAppliesToTheNextRepeatedToken() {
        validator.revoke(KeyReference.kid("cache-key"), "test", "leaked");
        assertThat(reason(validator.validate(token))).isEqualTo(Reason.KEY_REVOKED);
    }

    @Test
    void expiryAppliesToRepeatedToken() {
        clock.advance(Duration.ofHours(1));
        assertThat(reason(validator.validate(token))).isEqualTo(Reason.TOKEN_EXPIRED);
    }

    @Test
    void retirementAppliesToRepeatedToken() throws IOException {
        Files.writeString(jwks, JwkSet.of(TestKey.rsa("other-key")).toJson());
        clock.advance(Duration.ofMinutes(6));
        assertThat(reason(validator.validate(token))).isEqualTo(Reason.KEY_RETIRED);
    }

    @Test
    void keyReplacedUnderTheSameKidForcesANewSignatureCheck() throws IOException {
        Files.writeString(jwks, JwkSet.of(key.fresh()).toJson());
        clock.advance(Duration.ofMinutes(6));
        assertThat(reason(validator.validate(token))).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void anotherResourceStillAppliesItsOwnAudience() {
        TokenValidator other = validator.forResource(ResourcePolicy.builder()
                .audiences("api://other")
                .acceptedKeyScopes("enterprise")
                .build());
        assertThat(reason(other.validate(token))).isEqualTo(Reason.AUDIENCE_NOT_ACCEPTED);
    }

    @Test
    void tamperedRepeatIsVerifiedAgain() {
        int at = token.lastIndexOf('.') + 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThat(reason(validator.validate(tampered))).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    private static Reason reason(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) v).reason();
    }
}
