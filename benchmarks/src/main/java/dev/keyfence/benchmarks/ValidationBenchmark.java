package dev.keyfence.benchmarks;

import com.auth0.jwt.JWTVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * One token validated by each contender with the same checks (signature with the key picked by
 * kid from a 3-key set, iss, aud, exp, typ). Compare ops/s as ratios to {@code rawJca}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
    @Param({"RS256", "PS256", "ES256", "EdDSA"})
    public String alg;

    private Contenders c;
    private Signature raw;
    private TokenValidator keyfence;
    private TokenValidator keyfenceCached;
    private TokenValidator keyfenceLedger;
    private JwtConsumer jose4j;
    private DefaultJWTProcessor<SecurityContext> nimbus;
    private NimbusJwtDecoder spring;
    private JWTVerifier auth0;
    private java.util.function.Supplier<java.math.BigInteger> rsaMath;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        c = new Contenders(alg);
        raw = c.rawJca();
        keyfence = c.keyfence();
        keyfenceCached = c.keyfenceWithCache();
        keyfenceLedger = c.keyfenceWithLedger(java.nio.file.Files.createTempDirectory("keyfence-bench-ledger"));
        jose4j = c.jose4j();
        nimbus = c.nimbus();
        spring = c.springDecoder();
        auth0 = c.auth0();
        rsaMath = c.rsaMathOnly();
        Checks.allAccept(this);
    }

    @Benchmark
    public boolean rawJca() throws Exception {
        raw.update(c.signingInput);
        return raw.verify(c.rawSignature);
    }

    /** Below the floor (RS256, PS256; else n/a): the RSA public-key operation alone, no hash, no padding check. */
    @Benchmark
    public java.math.BigInteger rsaMathOnly() {
        return rsaMath == null ? java.math.BigInteger.ZERO : rsaMath.get();
    }

    @Benchmark
    public Verdict keyfence() {
        return keyfence.validate(c.token);
    }

    /** {@link #keyfence()} with an embedded key ledger attached (issue #16: within 2% of without). */
    @Benchmark
    public Verdict keyfenceLedger() {
        return keyfenceLedger.validate(c.token);
    }

    @Benchmark
    public Verdict keyfenceRepeat() {
        return keyfenceCached.validate(c.token);
    }

    @Benchmark
    public JwtClaims jose4j() throws Exception {
        return jose4j.processToClaims(c.token);
    }

    /** Nimbus; returns at once (n/a) for EdDSA, which it cannot verify without Tink. */
    @Benchmark
    public JWTClaimsSet nimbus() throws Exception {
        return nimbus == null ? null : nimbus.process(c.token, null);
    }

    /** Spring's decoder; returns at once (n/a) where Nimbus cannot verify. */
    @Benchmark
    public Jwt springDecoder() {
        return spring == null ? null : spring.decode(c.token);
    }

    /** Auth0 java-jwt; returns at once (n/a) for PS256 and EdDSA, which it does not support. */
    @Benchmark
    public Object auth0() {
        return auth0 == null ? null : auth0.verify(c.token);
    }

    /** Setup-time assertions that every contender accepts the token, so no one benchmarks a fast failure. */
    static final class Checks {
        private Checks() {}

        static void allAccept(ValidationBenchmark b) throws Exception {
            if (!b.rawJca()) {
                throw new IllegalStateException("raw JCA rejects the token");
            }
            if (!b.keyfence().valid()
                    || !b.keyfenceRepeat().valid()
                    || !b.keyfenceRepeat().valid()
                    || !b.keyfenceLedger().valid()) {
                throw new IllegalStateException("Keyfence rejects the token: " + b.keyfence());
            }
            b.jose4j();
            b.nimbus();
            b.springDecoder();
            b.auth0();
        }
    }
}
