package dev.keyfence.benchmarks;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Valid tokens on one thread while another sends tokens with random kids, against a key set
 * served over HTTP on 127.0.0.1 (min-refetch-interval 1 s): valid-token throughput must not drop.
 * The bound of one key-set fetch per interval is asserted server-side by the core test
 * {@code JwksSourceConcurrencyTest}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class KidFloodBenchmark {
    private JwksServer server;
    private TokenValidator validator;
    private String valid;
    private String[] flood;

    @Setup(Level.Trial)
    public void setUp() {
        TestKey key = TestKey.rsa("flood-1");
        server = JwksServer.start().serveKeys("/keys", JwkSet.of(key, TestKey.rsa("flood-2")));
        validator = TokenValidator.create(ValidationPolicy.builder()
                .issuer(TrustedIssuer.builder()
                        .name("flood")
                        .issuer(Contenders.ISSUER)
                        .keySource(KeySource.jwksUri(server.uri("/keys").toString()))
                        .keyScope("enterprise")
                        .build())
                .resource(ResourcePolicy.builder()
                        .audiences(Contenders.AUDIENCE)
                        .acceptedKeyScopes("enterprise")
                        .tokenTypes("JWT")
                        .build())
                .jwks(JwksSettings.builder()
                        .allowHttpLoopback(true)
                        .minRefetchInterval(Duration.ofSeconds(1))
                        .build())
                .verifiedTokenCache(0)
                .build());
        Instant now = Instant.now();
        valid = Tokens.accessToken(Contenders.ISSUER, Contenders.AUDIENCE, now)
                .typ("JWT")
                .expiresAt(now.plusSeconds(3600))
                .signedWith(key);
        flood = new String[1024];
        for (int i = 0; i < flood.length; i++) {
            flood[i] = Tokens.accessToken(Contenders.ISSUER, Contenders.AUDIENCE, now)
                    .typ("JWT")
                    .expiresAt(now.plusSeconds(3600))
                    .kid("random-" + i)
                    .signedWith(key);
        }
        if (!validator.validate(valid).valid()) {
            throw new IllegalStateException("valid token rejected");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    @Benchmark
    @Group("flood")
    @GroupThreads(1)
    public Verdict validToken() {
        return validator.validate(valid);
    }

    @Benchmark
    @Group("flood")
    @GroupThreads(1)
    public Verdict randomKid() {
        return validator.validate(flood[ThreadLocalRandom.current().nextInt(flood.length)]);
    }
}
