package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The public test seams (refresh executor, narrowed controls) and what the library alone may
 * create: a {@link VerifiedToken} has no constructor an application can call.
 */
class TestSeamsTest {
    private static final String ISS = "https://login.example.test/contoso/v2.0";
    private static final String AUD = "api://mail";
    private static final TestKey KEY = TestKey.rsa("k1");
    /** Another key under the same kid: what a forger signs with. */
    private static final TestKey FORGER = TestKey.rsa("forger").withKid("k1");

    private final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");

    private ValidationPolicy.Builder policy(KeySource keys) {
        return ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("contoso")
                        .issuer(ISS)
                        .keySource(keys)
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(AUD)
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                .clock(clock);
    }

    private ValidationPolicy policy() {
        return policy(KeySource.jwks(JwkSet.of(KEY).toJson())).build();
    }

    @Test
    void nobodyButTheLibraryConstructsAVerifiedToken() {
        assertThat(VerifiedToken.class.getConstructors()).isEmpty();
        assertThat(VerifiedToken.class.getDeclaredConstructors())
                .allSatisfy(c -> assertThat(Modifier.isPrivate(c.getModifiers()))
                        .as(c.toString())
                        .isTrue());
    }

    @Test
    void aVerifiedTokenCarriesItsHeaderAndTimeClaims() {
        String token = Tokens.accessToken(ISS, AUD, clock.instant()).signedWith(KEY);
        Verdict v = TokenValidator.create(policy()).validate(token);
        assertThat(v).isInstanceOf(Verdict.Accepted.class);
        VerifiedToken t = ((Verdict.Accepted) v).token();
        String header = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(t.algorithm()).isEqualTo("RS256");
        assertThat(header).contains("\"RS256\"");
        assertThat(t.type().isPresent()).isEqualTo(header.contains("\"typ\""));
        t.type().ifPresent(typ -> assertThat(header).contains("\"" + typ + "\""));
        assertThat(t.timeClaim("exp")).contains(t.expiresAt());
        assertThat(t.timeClaim("iss")).as("not a number").isEmpty();
        assertThat(t.timeClaim("no-such-claim")).isEmpty();
        assertThat(Verdict.fingerprintOf(token)).isEqualTo(t.fingerprint()).hasSize(12);
    }

    @Test
    void refreshesRunOnTheGivenExecutor() {
        try (JwksServer server = JwksServer.start()) {
            server.serveKeys("/keys", JwkSet.of(KEY));
            AtomicInteger ran = new AtomicInteger();
            Executor direct = task -> {
                ran.incrementAndGet();
                task.run();
            };
            TokenValidator validator = TokenValidator.create(
                    policy(KeySource.jwksUri(server.uri("/keys").toString()))
                            .refreshExecutor(direct)
                            .build());
            assertThat(ran.get()).as("the first read, started at creation").isPositive();
            assertThat(validator
                            .validate(Tokens.accessToken(ISS, AUD, clock.instant())
                                    .signedWith(KEY))
                            .valid())
                    .isTrue();
        }
    }

    @Test
    void aValidatorWithControlsOffSaysSoAndLetsThroughWhatTheyWouldCatch() {
        ValidationPolicy audienceOnly =
                policy().toBuilder().controls(Set.of(Control.AUDIENCE)).build();
        TokenValidator narrowed = TokenValidator.create(audienceOnly);
        assertThat(narrowed.controls()).containsExactly(Control.TOKEN_SHAPE, Control.AUDIENCE);
        assertThat(TokenValidator.create(policy()).controls()).containsExactlyElementsOf(EnumSet.allOf(Control.class));

        String forgery = Tokens.accessToken(ISS, AUD, clock.instant()).signedWith(FORGER);
        Verdict full = TokenValidator.create(policy()).validate(forgery);
        assertThat(full)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
        assertThat(narrowed.validate(forgery).valid())
                .as("signature control off")
                .isTrue();
        Verdict wrongAudience = narrowed.validate(
                Tokens.accessToken(ISS, "api://other", clock.instant()).signedWith(KEY));
        assertThat(wrongAudience)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.AUDIENCE_NOT_ACCEPTED));
        assertThat(audienceOnly.toBuilder().build().controls()).isEqualTo(audienceOnly.controls());
    }

    @Test
    void controlsAndRefreshExecutorAreSettingsGivenOnce() {
        assertThatThrownBy(() -> policy(KeySource.jwks(JwkSet.of(KEY).toJson()))
                        .controls(Set.of())
                        .controls(Set.of()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("controls"));
        assertThatThrownBy(() -> policy(KeySource.jwks(JwkSet.of(KEY).toJson())).controls(null))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("controls"));
        assertThatThrownBy(() -> policy(KeySource.jwks(JwkSet.of(KEY).toJson())).refreshExecutor(null))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("refresh-executor"));
        assertThat(policy().refreshExecutor()).isEmpty();
        assertThat(policy().toBuilder().build().clock()).isSameAs(clock);
    }
}
