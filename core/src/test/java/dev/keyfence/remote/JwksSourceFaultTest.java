package dev.keyfence.remote;

import static dev.keyfence.remote.RemoteSetup.A;
import static dev.keyfence.remote.RemoteSetup.B;
import static dev.keyfence.remote.RemoteSetup.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a source can fail: a first fetch that fails gives KEYS_UNAVAILABLE naming the
 * problem; a refresh that fails keeps the last good keys serving (stale) and says so.
 */
class JwksSourceFaultTest {
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private final RemoteSetup setup = new RemoteSetup();

    @AfterEach
    void close() {
        setup.close();
    }

    private void assertFailedFetch(JwksSettings settings, Runnable fault, String problem) {
        fault.run();
        TokenValidator cold = setup.engine(settings);
        Verdict first = cold.validate(setup.token(A));
        assertThat(first).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(r.detail()).contains(problem);
        });
        assertThat(setup.events.count("fetchFailed")).isEqualTo(1);

        setup.server.remove(KEYS); // heals delays too
        setup.serve(A);
        TokenValidator warm = setup.engine(settings);
        assertThat(warm.validate(setup.token(A)).valid()).isTrue();
        fault.run();
        setup.clock.advance(REFRESH.multipliedBy(9).dividedBy(10)); // refresh-ahead: in the background
        assertThat(warm.validate(setup.token(A)).valid())
                .as("cached keys serve while the refresh runs")
                .isTrue();
        assertThat(setup.refreshes.runAll()).isEqualTo(1);
        assertThat(setup.events.count("fetchFailed")).isEqualTo(2);
        assertThat(setup.events.details())
                .last()
                .asString()
                .startsWith("fetchFailed")
                .contains(problem);
        setup.clock.advance(REFRESH.dividedBy(5)); // past the refresh interval: the keys are stale now
        Verdict stale = warm.validate(setup.token(A));
        assertThat(stale.valid())
                .as("last-known-good keys after a failed refresh: " + RemoteSetup.describe(stale))
                .isTrue();
        assertThat(setup.events.count("staleServed")).isEqualTo(1);
    }

    private static JwksSettings settings() {
        return RemoteSetup.jwks().refreshInterval(REFRESH).build();
    }

    @Test
    void slowServerBeyondTimeoutIsAFailedFetch() {
        JwksSettings fast = JwksSettings.builder()
                .allowHttpLoopback(true)
                .timeout(Duration.ofMillis(500))
                .refreshInterval(REFRESH)
                .build();
        assertFailedFetch(fast, () -> setup.server.delay(KEYS, Duration.ofSeconds(5)), "timed out after PT0.5S");
    }

    @Test
    void serverErrorIsAFailedFetch() {
        assertFailedFetch(
                settings(), () -> setup.server.respond(KEYS, 500, "{\"error\":\"boom\"}"), "answered HTTP 500");
    }

    @Test
    void notFoundIsAFailedFetch() {
        assertFailedFetch(settings(), () -> setup.server.remove(KEYS), "answered HTTP 404");
    }

    @Test
    void connectionResetIsAFailedFetch() {
        assertFailedFetch(settings(), () -> setup.server.resetConnection(KEYS), "failed: ");
    }

    @Test
    void invalidJsonIsAFailedFetch() {
        assertFailedFetch(settings(), () -> setup.server.serve(KEYS, "<html>not json"), "not a JSON object");
    }

    @Test
    void bodyOverMaxBytesIsAFailedFetch() {
        JwksSettings small =
                RemoteSetup.jwks().refreshInterval(REFRESH).maxBytes(1024).build();
        String big = JwkSet.of(A).member("padding", "x".repeat(4096)).toJson();
        assertFailedFetch(small, () -> setup.server.serve(KEYS, big), "more than 1024 bytes");
    }

    @Test
    void emptyKeySetIsAFailedFetch() {
        assertFailedFetch(settings(), () -> setup.server.serve(KEYS, "{\"keys\":[]}"), "no usable key");
    }

    @Test
    void keySetOverKeyCapIsAFailedFetch() {
        JwkSet many = JwkSet.of(A);
        for (int i = 0; i < 100; i++) { // A and 100 more: one over the cap of 100 keys
            many = many.with(B.jwk().kid("b-" + i));
        }
        JwkSet tooMany = many;
        assertFailedFetch(settings(), () -> setup.server.serveKeys(KEYS, tooMany), "more than the 100 allowed");
    }

    @Test
    void redirectToAnotherHostIsNotFollowed() {
        setup.server.serveKeys("/elsewhere/keys", JwkSet.of(A));
        String otherHost = "http://localhost:" + setup.server.port() + "/elsewhere/keys";
        assertFailedFetch(settings(), () -> setup.server.redirect(KEYS, otherHost, 302), "redirects are not followed");
        assertThat(setup.server.hits("/elsewhere/keys")).isZero();
    }

    @Test
    void redirectOnTheSameHostIsNotFollowedEither() {
        setup.server.serveKeys("/elsewhere/keys", JwkSet.of(A));
        assertFailedFetch(settings(), () -> setup.server.redirect(KEYS, "/elsewhere/keys", 307), "HTTP 307");
    }

    @Test
    void suppliedClientThatFollowsRedirectsStillCannotLeaveTheConfiguredUrl() {
        setup.server.serveKeys("/elsewhere/keys", JwkSet.of(A));
        setup.server.redirect(KEYS, "http://localhost:" + setup.server.port() + "/elsewhere/keys", 302);
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        TokenValidator engine =
                setup.engine(RemoteSetup.jwks().httpClient(following).build());

        Verdict v = engine.validate(setup.token(A));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(r.detail()).contains("redirected to another URL");
        });
    }

    @Test
    void discoveryWhoseIssuerDiffersIsAFailedFetch() {
        String discovery = "/idp/.well-known/openid-configuration";
        setup.serve(A);
        setup.server.discovery(
                discovery, setup.issuer + "/", setup.server.uri(KEYS).toString());
        TokenValidator engine = setup.engine(setup.policy(
                KeySource.discovery(setup.server.uri(discovery)),
                settings(),
                KeyPolicy.builder().build()));

        Verdict v = engine.validate(setup.token(A));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(r.detail()).contains("names issuer " + setup.issuer + "/, not the configured " + setup.issuer);
        });
        assertThat(setup.server.hits(KEYS))
                .as("keys of a mismatching document are never read")
                .isZero();
    }

    @Test
    void discoveryWithPlainHttpJwksUriOffLoopbackIsAFailedFetch() {
        String discovery = "/idp/.well-known/openid-configuration";
        setup.server.discovery(discovery, setup.issuer, "http://localhost:" + setup.server.port() + KEYS);
        TokenValidator engine = setup.engine(setup.policy(
                KeySource.discovery(setup.server.uri(discovery)),
                settings(),
                KeyPolicy.builder().build()));

        Verdict v = engine.validate(setup.token(A));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(r.detail()).contains("jwks_uri").contains("127.0.0.0/8");
        });
    }

    // --- one bad key never takes the set down ---

    private void assertBadKeyLeftOut(JwkSet set, String badKid, String why) {
        setup.server.serveKeys(KEYS, set);
        TokenValidator engine = setup.engine(settings());

        Verdict good = engine.validate(setup.token(A));
        Verdict bad = engine.validate(setup.tokenWithKid(A, badKid));

        assertThat(good.valid()).as(RemoteSetup.describe(good)).isTrue();
        assertThat(bad)
                .isInstanceOfSatisfying(
                        Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        assertThat(setup.events.details())
                .anySatisfy(d ->
                        assertThat(d).startsWith("keyRejected " + badKid + ": ").contains(why));
        assertThat(setup.events.count("kidMissRefetch"))
                .as("a kid left out is known, not refetched")
                .isZero();
    }

    @Test
    void poisonedKeyAmongGoodOnesIsLeftOut() {
        assertBadKeyLeftOut(
                JwkSet.of(A).withRaw("{\"kty\":\"RSA\",\"kid\":\"poison\",\"n\":\"!!!\",\"e\":\"AQAB\"}"),
                "poison",
                "unusable JWK");
    }

    @Test
    void keyWithMalformedMemberIsLeftOut() {
        assertBadKeyLeftOut(JwkSet.of(A).with(B.jwk().member("nbf", "yesterday")), "key-b", "not a NumericDate");
    }

    @Test
    void keyOfUnsupportedTypeIsLeftOut() {
        assertBadKeyLeftOut(
                JwkSet.of(A)
                        .withRaw("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"xdh\","
                                + "\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}"),
                "xdh",
                "X25519");
    }

    @Test
    void keyWhoseCertificateHoldsAnotherKeyIsLeftOut() {
        TestKey other = TestKey.ec("other", "P-256");
        Instant now = setup.clock.instant();
        assertBadKeyLeftOut(
                JwkSet.of(A).with(B.jwk().certificateOf(other, now.minusSeconds(3600), now.plusSeconds(86400))),
                "key-b",
                "x5c certificate holds another key");
    }

    @Test
    void keysSharingAKidAreLeftOut() {
        TestKey c = TestKey.ec("dup", "P-256");
        assertBadKeyLeftOut(JwkSet.of(A).with(B.jwk().kid("dup")).with(c), "dup", "kid is shared by 2 keys");
    }

    // --- configuration: URLs that are never fetched ---

    @Test
    void plainHttpWithoutLoopbackPermissionIsAConfigurationError() {
        JwksSettings strict = JwksSettings.builder().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> setup.engine(strict))
                .isInstanceOfSatisfying(dev.keyfence.ConfigurationException.class, e -> {
                    assertThat(e.setting()).isEqualTo("issuers[idp].jwks-uri");
                    assertThat(e.getMessage()).contains("jwks.allow-http-loopback: true");
                });
        assertThat(setup.server.totalHits()).isZero();
    }

    @Test
    void plainHttpOffLoopbackIsAConfigurationErrorEvenWhenAllowed() {
        for (String url :
                new String[] {"http://192.0.2.10/keys", "http://localhost:8080/keys", "http://128.0.0.1/keys"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> setup.engine(setup.policy(
                            KeySource.jwksUri(url),
                            RemoteSetup.jwks().build(),
                            KeyPolicy.builder().build())))
                    .as(url)
                    .isInstanceOfSatisfying(
                            dev.keyfence.ConfigurationException.class,
                            e -> assertThat(e.getMessage()).contains("127.0.0.0/8 or ::1"));
        }
    }

    @Test
    void plainHttpDiscoveryWithoutLoopbackPermissionIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> setup.engine(setup.policy(
                        KeySource.discovery(URI.create("http://127.0.0.1:1/.well-known/openid-configuration")),
                        JwksSettings.defaults(),
                        KeyPolicy.builder().build())))
                .isInstanceOfSatisfying(
                        dev.keyfence.ConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("issuers[idp].discovery-uri"));
    }

    @Test
    void loopbackAddressesAreAllowedWithPermission() {
        for (String url : new String[] {"http://127.0.0.1:1/keys", "http://127.8.9.10:1/keys", "http://[::1]:1/keys"}) {
            assertThatCode(() -> setup.engine(setup.policy(
                            KeySource.jwksUri(url),
                            RemoteSetup.jwks().build(),
                            KeyPolicy.builder().build())))
                    .as(url)
                    .doesNotThrowAnyException();
        }
    }
}
