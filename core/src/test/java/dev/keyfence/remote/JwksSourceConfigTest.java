package dev.keyfence.remote;

import static dev.keyfence.remote.RemoteSetup.A;
import static dev.keyfence.remote.RemoteSetup.B;
import static dev.keyfence.remote.RemoteSetup.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import dev.keyfence.JwksSettings;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code jwks:} section of the YAML drives every option, each shown at work against a real server. */
class JwksSourceConfigTest {
    private final RemoteSetup setup = new RemoteSetup();

    @AfterEach
    void close() {
        setup.close();
    }

    private String yaml(String jwksSection) {
        return "issuers:\n"
                + "  - name: idp\n"
                + "    issuer: \"" + setup.issuer + "\"\n"
                + "    jwks-uri: \"" + setup.server.uri(KEYS) + "\"\n"
                + "    key-scope: enterprise\n"
                + "resource:\n"
                + "  audiences: [\"" + RemoteSetup.AUDIENCE + "\"]\n"
                + "  accepted-key-scopes: [enterprise]\n"
                + jwksSection;
    }

    private TokenValidator engine(String jwksSection) {
        ValidationPolicy policy = KeyfenceConfig.parse(yaml(jwksSection), Path.of(".")).policy().toBuilder()
                .clock(setup.clock)
                .listener(setup.events)
                .build();
        return setup.engine(policy);
    }

    private static Reason reason(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.reason() : null;
    }

    @Test
    void mapsEveryJwksOption() {
        JwksSettings s = KeyfenceConfig.parse(
                        yaml(
                                "jwks:\n  refresh-interval: PT2M\n  min-refetch-interval: PT7S\n"
                                        + "  max-stale: PT3H\n  timeout: PT1.5S\n  max-bytes: 4096\n  allow-http-loopback: true\n"),
                        Path.of("."))
                .policy()
                .jwks();
        assertThat(s.refreshInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.minRefetchInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.maxStale()).isEqualTo(Duration.ofHours(3));
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.maxBytes()).isEqualTo(4096);
        assertThat(s.allowHttpLoopback()).isTrue();
    }

    @Test
    void refreshIntervalFromYamlSchedulesTheRefresh() {
        setup.serve(A);
        TokenValidator engine = engine("jwks:\n  allow-http-loopback: true\n  refresh-interval: PT2M\n");
        engine.validate(setup.token(A));
        setup.clock.advance(Duration.ofSeconds(95)); // refresh ahead starts at four fifths: 96 s
        engine.validate(setup.token(A));
        assertThat(setup.refreshes.pending()).isZero();
        setup.clock.advance(Duration.ofSeconds(1));
        engine.validate(setup.token(A));
        assertThat(setup.refreshes.pending()).isEqualTo(1);
    }

    @Test
    void minRefetchIntervalFromYamlPacesUnknownKidRefetches() {
        setup.serve(A);
        TokenValidator engine = engine("jwks:\n  allow-http-loopback: true\n  min-refetch-interval: PT7S\n");
        engine.validate(setup.tokenWithKid(A, "x1"));
        setup.clock.advance(Duration.ofSeconds(6));
        engine.validate(setup.tokenWithKid(A, "x2"));
        assertThat(setup.server.hits(KEYS)).isEqualTo(2);
        setup.serve(A, B);
        setup.clock.advance(Duration.ofSeconds(1));
        assertThat(engine.validate(setup.token(B)).valid()).isTrue();
        assertThat(setup.server.hits(KEYS)).isEqualTo(3);
        assertThat(setup.events.count("refetchRateLimited")).isEqualTo(1);
    }

    @Test
    void maxStaleFromYamlBoundsStaleKeys() {
        setup.serve(A);
        TokenValidator engine =
                engine("jwks:\n  allow-http-loopback: true\n  refresh-interval: PT1M\n  max-stale: PT10M\n");
        engine.validate(setup.token(A));
        setup.server.respond(KEYS, 500, "{}");
        setup.clock.advance(Duration.ofMinutes(11));
        assertThat(engine.validate(setup.token(A)).valid()).isTrue();
        setup.refreshes.runAll();
        setup.clock.advance(Duration.ofSeconds(1));
        assertThat(reason(engine.validate(setup.token(A)))).isEqualTo(Reason.KEYS_UNAVAILABLE);
    }

    @Test
    void timeoutFromYamlEndsSlowFetches() {
        setup.serve(A);
        setup.server.delay(KEYS, Duration.ofSeconds(5));
        TokenValidator engine = engine("jwks:\n  allow-http-loopback: true\n  timeout: PT0.5S\n");
        Verdict v = engine.validate(setup.token(A));
        assertThat(reason(v)).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(((Verdict.Rejected) v).detail()).contains("timed out after PT0.5S");
    }

    @Test
    void maxBytesFromYamlCapsTheBody() {
        setup.server.serve(
                KEYS, JwkSet.of(A).member("padding", "x".repeat(2000)).toJson());
        TokenValidator engine = engine("jwks:\n  allow-http-loopback: true\n  max-bytes: 2048\n");
        Verdict v = engine.validate(setup.token(A));
        assertThat(reason(v)).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(((Verdict.Rejected) v).detail()).contains("more than 2048 bytes");
    }

    @Test
    void plainHttpNeedsAllowHttpLoopbackInYaml() {
        assertThatThrownBy(() -> engine("jwks:\n  allow-http-loopback: false\n"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains("jwks.allow-http-loopback"));
        setup.serve(A);
        assertThat(engine("jwks:\n  allow-http-loopback: true\n")
                        .validate(setup.token(A))
                        .valid())
                .isTrue();
    }
}
