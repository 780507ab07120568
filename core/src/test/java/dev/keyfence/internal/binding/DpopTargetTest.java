package dev.keyfence.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 9449 htu matching (scheme, host, port, path) and the replay window of proof identifiers. */
class DpopTargetTest {
    @Test
    void defaultPortsMatchTheirExplicitForm() {
        assertThat(DpopProofVerifier.sameTarget(
                        "http://api.example.test/x", URI.create("http://api.example.test:80/x")))
                .isTrue();
        assertThat(DpopProofVerifier.sameTarget(
                        "https://api.example.test/x", URI.create("https://api.example.test:443/x")))
                .isTrue();
        assertThat(DpopProofVerifier.sameTarget(
                        "http://api.example.test/x", URI.create("http://api.example.test:8080/x")))
                .isFalse();
    }

    @Test
    void portZeroIsNoDefaultPort() {
        assertThat(DpopProofVerifier.sameTarget(
                        "https://api.example.test:0/x", URI.create("https://api.example.test/x")))
                .isFalse();
    }

    @Test
    void unparsableHtuMatchesNothing() {
        assertThat(DpopProofVerifier.sameTarget(
                        "https://api.example.test/a b", URI.create("https://api.example.test/a")))
                .isFalse();
    }

    @Test
    void proofIdentifierIsAReplayWithinTheWindowAndNewAfterIt() {
        MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");
        ProofReplayCache cache = new ProofReplayCache(clock, Duration.ofMinutes(3));
        assertThat(cache.firstUse("jkt", "jti-1")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.firstUse("jkt", "jti-1")).isFalse();
        assertThat(cache.firstUse("other-jkt", "jti-1")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.firstUse("jkt", "jti-1"))
                .as("written 4 minutes ago, window 3")
                .isTrue();
    }
}
