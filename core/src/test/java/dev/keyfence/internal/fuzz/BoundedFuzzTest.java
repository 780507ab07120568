package dev.keyfence.internal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short, bounded fuzzing run of the test command: each target's committed corpus mutated by a
 * seeded generator (byte flips, inserts, deletes, splices, truncations) for a fixed number of
 * inputs, so that a failure replays exactly. {@code -Pfuzz} runs the real, coverage-guided Jazzer.
 */
class BoundedFuzzTest {
    private static final String SPECIAL = "\"{}[],:.\\0-eE\u00ff";
    static final int INPUTS = Integer.getInteger("keyfence.fuzz.inputs", 3_000);

    @ParameterizedTest
    @ValueSource(strings = {"tokenParser", "json", "jwkSet", "yaml", "validateRaw", "validate"})
    void mutatedCorpusKeepsEveryProperty(String target) throws IOException, URISyntaxException {
        Consumer<byte[]> run = switch (target) {
            case "tokenParser" -> FuzzTargets::tokenParser;
            case "json" -> FuzzTargets::json;
            case "jwkSet" -> FuzzTargets::jwkSet;
            case "yaml" -> FuzzTargets::yaml;
            case "validateRaw" -> FuzzTargets::validateRaw;
            default -> FuzzTargets::validate;
        };
        List<byte[]> corpus = corpus(target);
        assertThat(corpus).as("committed seed corpus of " + target).isNotEmpty();
        Random random = new Random(target.hashCode());
        int inputs = target.equals("validate") ? INPUTS / 3 : INPUTS;
        for (int i = 0; i < inputs; i++) {
            byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), corpus, random);
            try {
                run.accept(input);
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                throw new AssertionError(
                        target + " input #" + i + " (seed " + target.hashCode() + ") broke a property: " + e, e);
            }
        }
    }

    static byte[] mutate(byte[] seed, List<byte[]> corpus, Random r) {
        byte[] b = seed.clone();
        int rounds = 1 + r.nextInt(6);
        for (int i = 0; i < rounds; i++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = splice(b, at, new byte[] {(byte) r.nextInt(256)}, 0);
                case 2 -> b = b.length == 0 ? b : splice(b, at, new byte[0], 1);
                case 3 -> b = java.util.Arrays.copyOf(b, at);
                case 4 -> {
                    byte[] other = corpus.get(r.nextInt(corpus.size()));
                    int from = other.length == 0 ? 0 : r.nextInt(other.length);
                    b = splice(
                            b,
                            at,
                            java.util.Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + r.nextInt(16))),
                            0);
                }
                default -> {
                    if (b.length > 0) {
                        b[at] = (byte) SPECIAL.charAt(r.nextInt(SPECIAL.length()));
                    }
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    static List<byte[]> corpus(String target) throws IOException, URISyntaxException {
        var url = BoundedFuzzTest.class.getResource("KeyfenceFuzzTestInputs/" + target);
        List<byte[]> out = new ArrayList<>();
        if (url == null) {
            return out;
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path p : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.add(in.readAllBytes());
                }
            }
        }
        return out;
    }
}
