package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.KeySourceListener;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.spring.KeyfenceJwtDecoder;
import dev.keyfence.spring.KeyfenceVerdictListener;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * {@code keyfence.metrics.tenant-tags}: a tenant an issuer's {@code tenants:} list names gets its
 * own {@code tenant} tag; every other tenant (refused, or admitted by {@code *}, which core does
 * not let stand beside named tenants), whatever callers send, counts as {@code other}, so the
 * number of meters stays bounded by configuration.
 */
class TenantTagsTest {
    private final MutableClock clock = MutableClock.at("2024-10-15T12:00:00Z");
    private final JwksServer server = JwksServer.start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestKey key = TestKey.rsa("tenant-key");

    @AfterEach
    void stop() {
        server.close();
    }

    /** An issuer naming its tenants. */
    private TrustedIssuer named() {
        String template = server.uri("/").toString() + "{tenantid}";
        return TrustedIssuer.builder()
                .name("named")
                .issuer(template + "/v2.0")
                .keySource(KeySource.jwksUri(template + "/keys"))
                .keyScope("enterprise")
                .tenants("contoso", "fabrikam")
                .build();
    }

    /** An issuer admitting any tenant ({@code *}: none is named). */
    private TrustedIssuer wildcard() {
        String template = server.uri("/any/").toString() + "{tenantid}";
        return TrustedIssuer.builder()
                .name("any")
                .issuer(template + "/v2.0")
                .keySource(KeySource.jwksUri(template + "/keys"))
                .keyScope("enterprise")
                .tenants("*")
                .build();
    }

    private TokenValidator validator(List<TrustedIssuer> issuers, KeySourceListener listener) {
        ValidationPolicy.Builder policy = ValidationPolicy.builder();
        issuers.forEach(policy::issuer);
        return TokenValidator.create(policy.resource(ResourcePolicy.builder()
                        .audiences("api")
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                .listener(listener)
                .clock(clock)
                .build());
    }

    private String token(String path) {
        String tenant = path.substring(path.lastIndexOf('/') + 1);
        return Tokens.accessToken(server.uri("/" + path + "/v2.0").toString(), "api", clock.instant())
                .tenant(tenant)
                .signedWith(key);
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void namedTenantsAreTaggedAndTenThousandWildcardTenantsKeepTheMeterCountConstant() {
        server.serveKeys("/contoso/keys", JwkSet.of(key));
        List<TrustedIssuer> issuers = List.of(named(), wildcard());
        KeySourceListener sources = MicrometerListeners.keySources(c -> c.accept(meters), () -> issuers, true);
        TokenValidator validator = validator(issuers, sources);
        KeyfenceVerdictListener verdicts = MicrometerListeners.verdicts(c -> c.accept(meters), validator::policy, true);
        KeyfenceJwtDecoder decoder = new KeyfenceJwtDecoder(validator, List.of(verdicts));

        decoder.decode(token("contoso"));
        assertThat(count(MicrometerListeners.TOKENS, "outcome", "accepted", "issuer", "named", "tenant", "contoso"))
                .isEqualTo(1);
        assertThat(count(MicrometerListeners.SOURCE_EVENTS, "source", "named", "event", "fetched", "tenant", "contoso"))
                .isEqualTo(1);

        // tenants an unauthenticated caller makes up, through the real validator: refused by the named
        // issuer, admitted by the wildcard one (whose made-up key sets do not exist)
        for (int i = 0; i < 20; i++) {
            String refused = token("made-up-" + i);
            String admitted = token("any/made-up-" + i);
            assertThatThrownBy(() -> decoder.decode(refused)).isInstanceOf(JwtValidationException.class);
            assertThatThrownBy(() -> decoder.decode(admitted)).isInstanceOf(JwtValidationException.class);
        }
        assertThat(count(MicrometerListeners.TOKENS, "issuer", "any", "tenant", "other"))
                .isEqualTo(20);
        assertThat(count(
                        MicrometerListeners.TOKENS,
                        "reason",
                        "TENANT_NOT_ALLOWED",
                        "issuer",
                        "named",
                        "tenant",
                        "other"))
                .isEqualTo(20);
        assertThat(meters.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTag("tenant")).isIn("contoso", "other"));

        // and 10,000 more, as verdicts and key-source events: after the first hundred, no new meter
        int bounded = -1;
        for (int i = 0; i < 10_000; i++) {
            String tenant = "tid-" + i;
            verdicts.onVerdict(
                    validator.resource().name(),
                    new Verdict.Rejected(
                            Reason.KEYS_UNAVAILABLE,
                            "no keys",
                            Optional.of(server.uri("/any/" + tenant + "/v2.0").toString()),
                            Optional.of(tenant),
                            Optional.empty(),
                            Optional.empty(),
                            "000000000000"));
            sources.fetchFailed("any/" + tenant, "HTTP 404");
            if (i == 99) {
                bounded = meters.getMeters().size();
            }
        }
        assertThat(meters.getMeters()).hasSize(bounded);
        assertThat(count(MicrometerListeners.TOKENS, "reason", "KEYS_UNAVAILABLE", "tenant", "other"))
                .isGreaterThanOrEqualTo(10_000);
        assertThat(count(MicrometerListeners.SOURCE_EVENTS, "event", "fetch_failed", "tenant", "other"))
                .isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void aTenantNamedStarIsNotNamedAndTokensWithoutTenantAreNone() {
        assertThat(MicrometerListeners.tenantTag(Optional.of(wildcard()), Optional.of("*")))
                .isEqualTo("other");
        assertThat(MicrometerListeners.tenantTag(Optional.of(wildcard()), Optional.of("contoso")))
                .as("* names no tenant")
                .isEqualTo("other");
        assertThat(MicrometerListeners.tenantTag(Optional.of(named()), Optional.of("contoso")))
                .isEqualTo("contoso");
        assertThat(MicrometerListeners.tenantTag(Optional.empty(), Optional.of("contoso")))
                .as("a tenant of no configured issuer")
                .isEqualTo("other");
        assertThat(MicrometerListeners.tenantTag(Optional.of(named()), Optional.empty()))
                .isEqualTo("none");
    }

    @Test
    void offByDefaultNoTenantTag() {
        server.serveKeys("/contoso/keys", JwkSet.of(key));
        TokenValidator validator =
                validator(List.of(named(), wildcard()), MicrometerListeners.keySources(c -> c.accept(meters)));
        new KeyfenceJwtDecoder(
                        validator, List.of(MicrometerListeners.verdicts(c -> c.accept(meters), validator::policy)))
                .decode(token("contoso"));
        assertThat(meters.getMeters())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTag("tenant")).isNull());
    }
}
