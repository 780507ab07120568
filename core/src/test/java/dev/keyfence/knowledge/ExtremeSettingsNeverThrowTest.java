package dev.keyfence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeyReference;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.posture.PostureReport;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 of issue 14 (no exceptions): for every duration setting at its smallest and largest
 * allowed value, and clocks from {@link Instant#MIN} to {@link Instant#MAX}, {@code validate()}
 * gives a verdict for every token (and statuses and posture are readable): a property test over
 * random combinations of the extremes, seeded so a failure is reproducible.
 */
class ExtremeSettingsNeverThrowTest {
    private static final String ISSUER = "https://idp.example.test";
    private static final TestKey KEY = TestKey.rsa("k1");
    private static final List<Instant> CLOCKS = List.of(
            Instant.MIN,
            Instant.MIN.plusSeconds(1),
            Instant.EPOCH,
            Instant.parse("2025-01-15T10:00:00Z"),
            Instant.MAX.minusSeconds(1),
            Instant.MAX);
    private static final long[] DATES = {Long.MIN_VALUE, -1, 0, 1_736_935_200L, 253_402_300_799L, Long.MAX_VALUE};

    private static Duration pick(Random r, Duration... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static ValidationPolicy policy(Random r, Instant now) {
        JwkSet keys = JwkSet.of(KEY.jwk()
                .member("exp", DATES[r.nextInt(DATES.length)])
                .member("nbf", DATES[r.nextInt(DATES.length)])
                .member("iat", DATES[r.nextInt(DATES.length)]));
        Duration tiny = Duration.ofNanos(1);
        return ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("idp")
                        .issuer(ISSUER)
                        .keySource(KeySource.jwks(keys.toJson()))
                        .keyScope("enterprise")
                        .build())
                .issuer(TrustedIssuer.builder()
                        .name("other")
                        .issuer("https://other.example.test")
                        .keySource(KeySource.jwks(JwkSet.of(TestKey.rsa("o1")).toJson()))
                        .keyScope("consumer")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences("api://x")
                        .acceptedKeyScopes("enterprise")
                        .clockSkew(pick(r, Duration.ZERO, ResourcePolicy.MAX_CLOCK_SKEW))
                        .maxTokenLifetime(pick(r, tiny, Duration.ofDays(36_500)))
                        .build())
                .keys(KeyPolicy.builder()
                        .maxAge(pick(r, tiny, Duration.ofDays(36_500)))
                        .retiredGrace(pick(r, Duration.ZERO, Duration.ofDays(36_500)))
                        .build())
                .jwks(JwksSettings.builder()
                        .refreshInterval(pick(r, tiny, JwksSettings.MAX_REFRESH_INTERVAL))
                        .minRefetchInterval(pick(r, Duration.ZERO, JwksSettings.MAX_MIN_REFETCH_INTERVAL))
                        .maxStale(pick(r, Duration.ZERO, JwksSettings.MAX_MAX_STALE))
                        .timeout(pick(r, Duration.ofMillis(1), JwksSettings.MAX_TIMEOUT))
                        .tenantSourcesPerMinute(r.nextBoolean() ? 1 : 100_000)
                        .build())
                .clock(MutableClock.at(now))
                .build();
    }

    private static List<String> tokens(Random r, Instant now) {
        List<String> out = new ArrayList<>();
        Instant issued = now.isBefore(Instant.EPOCH)
                ? Instant.EPOCH
                : now.isAfter(Instant.parse("9999-01-01T00:00:00Z")) ? Instant.parse("9999-01-01T00:00:00Z") : now;
        out.add(Tokens.accessToken(ISSUER, "api://x", issued).signedWith(KEY));
        out.add(Tokens.accessToken(ISSUER, "api://x", issued)
                .claim("exp", DATES[r.nextInt(DATES.length)])
                .claim("iat", DATES[r.nextInt(DATES.length)])
                .claim("nbf", DATES[r.nextInt(DATES.length)])
                .signedWith(KEY));
        out.add(Tokens.accessToken(ISSUER, "api://x", issued)
                .claim("exp", 1e308)
                .claim("iat", -1e308)
                .signedWith(KEY));
        out.add(Tokens.accessToken("https://other.example.test", "api://x", issued)
                .signedWith(TestKey.rsa("o1")));
        out.add("");
        out.add(null);
        return out;
    }

    @Test
    void validateNeverThrowsForExtremeSettingsAndClocks() {
        Random r = new Random(14);
        for (int run = 0; run < 120; run++) {
            Instant now = CLOCKS.get(run % CLOCKS.size());
            ValidationPolicy policy = policy(r, now);
            TokenValidator validator = TokenValidator.create(policy);
            for (String token : tokens(r, now)) {
                Verdict[] verdict = new Verdict[1];
                assertThatCode(() -> verdict[0] = validator.validate(token))
                        .as("run %d at %s", run, now)
                        .doesNotThrowAnyException();
                assertThat(verdict[0]).isNotNull();
            }
            validator.revoke(KeyReference.kid("k1"), "test", "extremes");
            assertThatCode(() -> validator.validate(tokens(r, now).get(0))).doesNotThrowAnyException();
            assertThatCode(validator::sourceStatuses)
                    .as("run %d at %s", run, now)
                    .doesNotThrowAnyException();
            assertThatCode(() -> PostureReport.of(validator))
                    .as("run %d at %s", run, now)
                    .doesNotThrowAnyException();
        }
    }
}
