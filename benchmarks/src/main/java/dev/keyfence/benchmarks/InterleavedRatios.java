package dev.keyfence.benchmarks;

import com.auth0.jwt.JWTVerifier;
import dev.keyfence.TokenValidator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The uncached ratios of {@link ValidationBenchmark} measured interleaved, for a machine shared
 * with other work: the contenders take turns in short slices (each round in a rotated order), so
 * that a change of load in the background falls on all of them alike. Per contender it sums
 * operations and this thread's CPU time, and prints operations per CPU second and the ratio to
 * {@code rawJca}. A complement to JMH's figures, not a replacement.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.keyfence.benchmarks.InterleavedRatios [rounds] [slice-ms] [alg...]
 * </pre>
 */
public final class InterleavedRatios {
    private InterleavedRatios() {}

    /** One contender: a call that must succeed. */
    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 250) * 1_000_000L;
        List<String> algs = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("RS256", "PS256");
        for (String alg : algs) {
            measure(alg, rounds, sliceNanos);
        }
    }

    private static void measure(String alg, int rounds, long sliceNanos) throws Exception {
        Contenders c = new Contenders(alg);
        Signature raw = c.rawJca();
        TokenValidator keyfence = c.keyfence();
        TokenValidator ledger = c.keyfenceWithLedger(Files.createTempDirectory("keyfence-interleaved-ledger"));
        JWTVerifier auth0 = c.auth0();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("rawJca", () -> {
            raw.update(c.signingInput);
            if (!raw.verify(c.rawSignature)) {
                throw new IllegalStateException("raw JCA rejects the token");
            }
        });
        ops.put("keyfence", () -> check(keyfence.validate(c.token).valid()));
        ops.put("keyfenceLedger", () -> check(ledger.validate(c.token).valid()));
        if (auth0 != null) {
            ops.put("auth0", () -> auth0.verify(c.token));
        }
        java.util.function.Supplier<java.math.BigInteger> rsaMath = c.rsaMathOnly();
        if (rsaMath != null) {
            ops.put("rsaMathOnly", () -> check(rsaMath.get().signum() > 0));
        }
        List<String> names = new ArrayList<>(ops.keySet());
        long[] count = new long[names.size()];
        long[] cpu = new long[names.size()];
        for (int i = 0; i < names.size(); i++) { // warm-up, not counted: 3 s and 20,000 calls each (compiled by C2)
            long[] warm = new long[2];
            for (long calls = 0; calls < 20_000; calls += warm[0]) {
                slice(ops.get(names.get(i)), 3_000_000_000L, warm);
            }
        }
        long[] out = new long[2];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                int i = (k + r) % names.size();
                slice(ops.get(names.get(i)), sliceNanos, out);
                count[i] += out[0];
                cpu[i] += out[1];
            }
        }
        double rawRate = count[0] / (cpu[0] / 1e9);
        System.out.printf(
                "%s, %d rounds of %d ms per contender, load average %.1f%n",
                alg,
                rounds,
                sliceNanos / 1_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int i = 0; i < names.size(); i++) {
            double rate = count[i] / (cpu[i] / 1e9);
            System.out.printf(
                    "  %-15s %,10.0f ops per CPU second  %.3fx rawJca  (%,d ops)%n",
                    names.get(i), rate, rate / rawRate, count[i]);
        }
    }

    private static void check(boolean valid) {
        if (!valid) {
            throw new IllegalStateException("Keyfence rejects the token");
        }
    }

    /** Runs {@code op} for about {@code nanos} of wall time; out[0] = operations, out[1] = CPU nanoseconds. */
    private static void slice(Op op, long nanos, long[] out) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + nanos;
        long cpuStart = mx.getCurrentThreadCpuTime();
        long n = 0;
        do {
            for (int i = 0; i < 16; i++) {
                op.run();
            }
            n += 16;
        } while (System.nanoTime() < end);
        out[0] = n;
        out[1] = mx.getCurrentThreadCpuTime() - cpuStart;
    }
}
