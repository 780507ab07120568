package dev.keyfence.benchmarks;

import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One shared validator (RS256, no verified-token cache) at 1 and 2 threads: total ops/s should scale. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConcurrencyBenchmark {
    private Contenders c;
    private TokenValidator validator;

    @Setup(Level.Trial)
    public void setUp() {
        c = new Contenders("RS256");
        validator = c.keyfence();
        if (!validator.validate(c.token).valid()) {
            throw new IllegalStateException("Keyfence rejects the benchmark token");
        }
    }

    @Benchmark
    @Threads(1)
    public Verdict oneThread() {
        return validator.validate(c.token);
    }

    @Benchmark
    @Threads(2)
    public Verdict twoThreads() {
        return validator.validate(c.token);
    }
}
