package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.RawJson;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.TokenBuilder;
import dev.keyfence.testkit.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A property test over signed tokens with extreme claim values (finding 4): for every one,
 * {@link KeyfenceJwtDecoder} either returns a {@link KeyfenceJwt} or throws its
 * {@link JwtValidationException} with a reason code, {@link KeyfenceJwtAuthenticationConverter}
 * never throws, and no log line carries a claim value (beyond iss, tid and kid, which the contract allows).
 */
class DecoderPropertyTest {
    private static final String ISS = "https://idp.example.test";
    private static final TestKey KEY = TestKey.rsa("prop-key");
    private static final String MARKER = "claimvalue7f3a";
    private static final List<String> CLAIMS =
            List.of("exp", "iat", "nbf", "scp", "scope", "aud", "sub", "jti", "cnf", "azp", "roles");
    private static final List<Object> EXTREMES = List.of(
            RawJson.of("-1e17"),
            RawJson.of("1e17"),
            RawJson.of("1e300"),
            RawJson.of("-1e300"),
            RawJson.of("-0.0"),
            RawJson.of("9223372036854775807"),
            RawJson.of("-9223372036854775808"),
            RawJson.of("18446744073709551616"),
            RawJson.of("0.5"),
            RawJson.of("1"),
            RawJson.of("-1"),
            RawJson.of("true"),
            RawJson.of("null"),
            RawJson.of("[]"),
            RawJson.of("{}"),
            RawJson.of("[1]"),
            RawJson.of("[null]"),
            RawJson.of("[[\"" + MARKER + "\"]]"),
            RawJson.of("{\"" + MARKER + "\":1}"),
            RawJson.of("\"\""),
            RawJson.of("\"" + MARKER + " " + MARKER + "\""),
            RawJson.of("[\"" + MARKER + "\",1,{}]"),
            RawJson.of("\"" + "x".repeat(2000) + MARKER + "\""));

    private final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");
    private final TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
            .issuer(TrustedIssuer.builder()
                    .name("idp")
                    .issuer(ISS)
                    .keySource(KeySource.jwks(JwkSet.of(KEY).toJson()))
                    .keyScope("enterprise")
                    .build())
            .resource(ResourcePolicy.builder()
                    .audiences("api")
                    .acceptedKeyScopes("enterprise")
                    .build())
            .clock(clock)
            .build());
    private final KeyfenceJwtDecoder decoder = new KeyfenceJwtDecoder(validator);
    private final KeyfenceJwtAuthenticationConverter converter = new KeyfenceJwtAuthenticationConverter();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void release() {
        root.detachAppender(lines);
        root.setLevel(previous);
    }

    @Test
    void noExceptionEscapesForExtremeClaimValuesAndNoneIsLogged() {
        Random random = new Random(20);
        List<String> tokens = new ArrayList<>();
        for (String claim : CLAIMS) {
            for (Object value : EXTREMES) {
                tokens.add(base().claim(claim, value).signedWith(KEY));
            }
        }
        for (int i = 0; i < 300; i++) {
            TokenBuilder b = base();
            for (int n = 0; n < 1 + random.nextInt(4); n++) {
                b = b.claim(CLAIMS.get(random.nextInt(CLAIMS.size())), EXTREMES.get(random.nextInt(EXTREMES.size())));
            }
            tokens.add(b.signedWith(KEY));
        }
        int accepted = 0;
        for (String token : tokens) {
            Jwt jwt;
            try {
                jwt = decoder.decode(token);
            } catch (JwtValidationException rejected) {
                assertThat(rejected.getMessage()).matches("[A-Z_]+");
                continue;
            }
            accepted++;
            assertThat(jwt).isInstanceOf(KeyfenceJwt.class);
            AbstractAuthenticationToken auth = converter.convert(jwt);
            assertThat(auth).isInstanceOf(KeyfenceAuthenticationToken.class);
            assertThat(auth.getAuthorities())
                    .allSatisfy(a -> assertThat(a.getAuthority()).startsWith("SCOPE_"));
        }
        assertThat(accepted)
                .as("some tokens with extreme values are valid and accepted")
                .isGreaterThan(50);
        assertThat(lines.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(MARKER);
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void theIssuesTwoTokensAreAccepted() {
        Jwt nbf = decoder.decode(base().claim("nbf", RawJson.of("-1e17")).signedWith(KEY));
        assertThat(nbf.getNotBefore()).isBefore(clock.instant());
        Jwt scp = decoder.decode(base().claim("scp", List.of(1)).signedWith(KEY));
        assertThat(converter.convert(scp).getAuthorities()).isEmpty();
        Jwt mixed = decoder.decode(
                base().claim("scp", List.of("Mail.Read", 2, Map.of())).signedWith(KEY));
        assertThat(converter.convert(mixed).getAuthorities())
                .extracting(a -> a.getAuthority())
                .containsExactly("SCOPE_Mail.Read");
    }

    private TokenBuilder base() {
        return Tokens.accessToken(ISS, "api", clock.instant());
    }
}
