package dev.keyfence.remote;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeyPolicy;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.MutableClock;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;

/**
 * One issuer whose keys a real HTTP server on 127.0.0.1 serves, a clock the test moves, a queue
 * of background refreshes the test runs, and a listener that records every event.
 */
final class RemoteSetup implements AutoCloseable {
    static final String AUDIENCE = "api://orders";
    static final String KEYS = "/idp/keys";
    static final TestKey A = TestKey.ec("key-a", "P-256");
    static final TestKey B = TestKey.ec("key-b", "P-256");

    final JwksServer server = JwksServer.start();
    final MutableClock clock = MutableClock.at("2025-01-15T10:00:00Z");
    final QueuedExecutor refreshes = new QueuedExecutor();
    final RecordingListener events = new RecordingListener();
    final String issuer = server.uri("/idp").toString();

    RemoteSetup serve(TestKey... keys) {
        server.serveKeys(KEYS, JwkSet.of(keys));
        return this;
    }

    /** Settings for the tests: loopback http allowed, generous timeout for a busy machine (fault tests set their own), everything else as given. */
    static JwksSettings.Builder jwks() {
        return JwksSettings.builder().allowHttpLoopback(true).timeout(Duration.ofSeconds(3));
    }

    ValidationPolicy policy(KeySource source, JwksSettings jwks, KeyPolicy keys) {
        return ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("idp")
                        .issuer(issuer)
                        .keySource(source)
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .build())
                .jwks(jwks)
                .keys(keys)
                .clock(clock)
                .listener(events)
                .build();
    }

    /** An engine reading {@link #KEYS} with the given settings. */
    TokenValidator engine(JwksSettings jwks, KeyPolicy keys) {
        return engine(policy(KeySource.jwksUri(server.uri(KEYS).toString()), jwks, keys));
    }

    TokenValidator engine(JwksSettings jwks) {
        return engine(jwks, KeyPolicy.builder().build());
    }

    TokenValidator engine() {
        return engine(jwks().build());
    }

    /**
     * An engine whose background refreshes wait in {@link #refreshes}; the first reads that
     * creation starts in the background are run before it is returned.
     */
    TokenValidator engine(ValidationPolicy policy) {
        TokenValidator engine = TokenValidator.create(
                policy.toBuilder().refreshExecutor(refreshes).build());
        refreshes.runAll(); // the first read of every source, started in the background at creation
        return engine;
    }

    /** A valid access token of this issuer, signed by {@code key}, issued now. */
    String token(TestKey key) {
        return Tokens.accessToken(issuer, AUDIENCE, clock.instant()).signedWith(key);
    }

    /** A token signed by {@code key} but naming another kid. */
    String tokenWithKid(TestKey key, String kid) {
        return Tokens.accessToken(issuer, AUDIENCE, clock.instant()).kid(kid).signedWith(key);
    }

    static String describe(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.reason() + ": " + r.detail() : "accepted";
    }

    @Override
    public void close() {
        server.close();
    }
}
