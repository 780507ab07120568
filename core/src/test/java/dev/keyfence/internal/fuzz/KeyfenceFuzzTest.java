package dev.keyfence.internal.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets. In the test command they run in regression mode over the committed corpus
 * ({@code src/test/resources/dev/keyfence/internal/fuzz/KeyfenceFuzzTestInputs/<target>/}); with
 * {@code -Pfuzz} each is fuzzed for real ({@code JAZZER_FUZZ=1}), and any crash Jazzer finds is
 * written into that folder, to be committed as a regression input.
 */
class KeyfenceFuzzTest {

    @FuzzTest
    void tokenParser(byte[] data) {
        FuzzTargets.tokenParser(data);
    }

    @FuzzTest
    void json(byte[] data) {
        FuzzTargets.json(data);
    }

    @FuzzTest
    void jwkSet(byte[] data) {
        FuzzTargets.jwkSet(data);
    }

    @FuzzTest
    void yaml(byte[] data) {
        FuzzTargets.yaml(data);
    }

    @FuzzTest
    void validateRaw(byte[] data) {
        FuzzTargets.validateRaw(data);
    }

    @FuzzTest
    void validate(byte[] data) {
        FuzzTargets.validate(data);
    }
}
