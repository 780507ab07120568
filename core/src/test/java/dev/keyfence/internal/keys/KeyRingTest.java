package dev.keyfence.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.internal.crypto.JwsAlgorithm;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A source's ring: finding the key a token names, and what a refresh adds, retires and forgets. */
class KeyRingTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final TestKey A = TestKey.ec("a", "P-256");
    private static final TestKey B = TestKey.ec("b", "P-256");
    private static final TestKey R = TestKey.rsa("r");

    private static JwkSetReader.Result read(JwkSet set) throws KeySetException {
        return JwkSetReader.read(set.toJson());
    }

    /** Records what a refresh reports. */
    private static final class Recorded implements KeyRing.Changes {
        final List<String> events = new ArrayList<>();

        @Override
        public void added(TrackedKey key) {
            events.add("added " + key.kid());
        }

        @Override
        public void reappeared(TrackedKey key) {
            events.add("reappeared " + key.kid());
        }

        @Override
        public void retired(TrackedKey key) {
            events.add("retired " + key.kid());
        }
    }

    @Test
    void findsByKidAmongPublishedThenRetiredKeys() throws KeySetException {
        KeyRing first = KeyRing.first(read(JwkSet.of(A, B)), T0);
        Recorded changes = new Recorded();
        KeyRing next = first.next(read(JwkSet.of(B)), T0.plusSeconds(60), changes);

        assertThat(changes.events).containsExactly("retired a");
        assertThat(next.find("b", JwsAlgorithm.ES256).key())
                .extracting(TrackedKey::kid)
                .isEqualTo("b");
        KeyRing.Lookup retired = next.find("a", JwsAlgorithm.ES256);
        assertThat(retired.key()).extracting(TrackedKey::kid).isEqualTo("a");
        assertThat(next.retiredAt(retired.key())).isEqualTo(T0.plusSeconds(60));
        assertThat(next.retiredAt(next.find("b", JwsAlgorithm.ES256).key())).isNull();
        assertThat(next.firstSeen(retired.key())).isEqualTo(T0);
    }

    @Test
    void anUnknownKidMayBeRefetchedALeftOutOrMisfittingOneNot() throws KeySetException {
        KeyRing ring = KeyRing.first(
                read(JwkSet.of(A).with(B.jwk().member("kid", "gone").member("x", 7))), T0);

        KeyRing.Lookup unknown = ring.find("nobody", JwsAlgorithm.ES256);
        assertThat(unknown.key()).isNull();
        assertThat(unknown.unknown()).isTrue();
        assertThat(unknown.problem()).isEqualTo("no key with kid \"nobody\"");

        KeyRing.Lookup leftOut = ring.find("gone", JwsAlgorithm.ES256);
        assertThat(leftOut.key()).isNull();
        assertThat(leftOut.unknown()).isFalse();
        assertThat(leftOut.problem()).startsWith("key \"gone\" left out: EC key without a string x");

        KeyRing.Lookup misfit = ring.find("a", JwsAlgorithm.RS256);
        assertThat(misfit.key()).isNull();
        assertThat(misfit.unknown()).isFalse();
        assertThat(misfit.problem()).startsWith("key \"a\" cannot verify RS256: ");
    }

    @Test
    void withoutAKidOnlyASingleFittingKeyIsChosen() throws KeySetException {
        KeyRing ring = KeyRing.first(read(JwkSet.of(A, B, R)), T0);

        assertThat(ring.find(null, JwsAlgorithm.RS256).key())
                .isNotNull()
                .extracting(TrackedKey::kid)
                .isEqualTo("r");
        KeyRing.Lookup two = ring.find(null, JwsAlgorithm.ES256);
        assertThat(two.key()).isNull();
        assertThat(two.unknown()).isFalse();
        assertThat(two.problem()).isEqualTo("no kid, and 2 keys fit ES256");
        KeyRing.Lookup none = ring.find(null, JwsAlgorithm.EdDSA);
        assertThat(none.key()).isNull();
        assertThat(none.unknown()).isTrue();
    }

    @Test
    void aReturningKeyKeepsItsFirstSightingAndIsNoLongerRetired() throws KeySetException {
        KeyRing first = KeyRing.first(read(JwkSet.of(A, B)), T0);
        KeyRing without = first.next(read(JwkSet.of(B)), T0.plusSeconds(60), new Recorded());
        Recorded changes = new Recorded();
        KeyRing back = without.next(read(JwkSet.of(A, B, R)), T0.plusSeconds(120), changes);

        assertThat(changes.events).containsExactlyInAnyOrder("reappeared a", "added r");
        TrackedKey a = back.find("a", JwsAlgorithm.ES256).key();
        assertThat(back.retiredAt(a)).isNull();
        assertThat(back.firstSeen(a)).isEqualTo(T0);
        assertThat(back.firstSeen(back.find("r", JwsAlgorithm.RS256).key())).isEqualTo(T0.plusSeconds(120));
        assertThat(back.fetchedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void remembersTheMostRecentlyRetiredKeysOnly() throws KeySetException {
        JwkSet many = JwkSet.empty();
        for (int i = 0; i < KeyRing.MAX_RETIRED; i++) { // as many keys as a set may hold
            many = many.with(TestKey.ec("e" + i, "P-256").fresh().jwk());
        }
        KeyRing ring = KeyRing.first(read(JwkSet.of(A)), T0);
        // the first set's key retires first; then the 100 keys of the second set retire a minute later: 101 retired
        ring = ring.next(read(many), T0.plusSeconds(60), new Recorded());
        ring = ring.next(read(JwkSet.of(B)), T0.plusSeconds(120), new Recorded());

        assertThat(ring.retired()).hasSize(KeyRing.MAX_RETIRED);
        assertThat(ring.find("a", JwsAlgorithm.ES256).key())
                .as("oldest retired key, forgotten")
                .isNull();
    }
}
