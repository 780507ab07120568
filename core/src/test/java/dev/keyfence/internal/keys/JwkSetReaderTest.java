package dev.keyfence.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a JWK Set: what is kept, what is left out and why, and when the whole set fails. */
class JwkSetReaderTest {
    private static final TestKey A = TestKey.ec("a", "P-256");
    private static final TestKey B = TestKey.ec("b", "P-256");

    private static JwkSet copies(int n) {
        JwkSet set = JwkSet.empty();
        for (int i = 0; i < n; i++) {
            set = set.with(A.jwk().kid("k" + i));
        }
        return set;
    }

    @Test
    void aSetOfExactlyTheMostKeysIsRead() throws KeySetException {
        assertThat(JwkSetReader.read(copies(JwkSetReader.MAX_KEYS).toJson()).keys())
                .hasSize(JwkSetReader.MAX_KEYS);
    }

    @Test
    void aSetOfMoreKeysFailsWhole() {
        assertThatThrownBy(() ->
                        JwkSetReader.read(copies(JwkSetReader.MAX_KEYS + 1).toJson()))
                .isInstanceOf(KeySetException.class)
                .hasMessage("key set has 101 keys, more than the 100 allowed");
    }

    @Test
    void aSetThatIsNoObjectOrHasNoKeysArrayFails() {
        assertThatThrownBy(() -> JwkSetReader.read("[1]"))
                .isInstanceOf(KeySetException.class)
                .hasMessageStartingWith("key set is not a JSON object");
        assertThatThrownBy(() -> JwkSetReader.read("{\"keys\":{}}"))
                .isInstanceOf(KeySetException.class)
                .hasMessage("key set has no \"keys\" array");
    }

    @Test
    void aSharedKidLeavesOutEveryKeyUnderIt() throws KeySetException {
        JwkSetReader.Result r = JwkSetReader.read(
                JwkSet.of(A.jwk().kid("twin"), B.jwk().kid("twin"), B.jwk()).toJson());
        assertThat(r.keys()).extracting(TrackedKey::kid).containsExactly("b");
        assertThat(r.excluded()).containsEntry("twin", "kid is shared by 2 keys in the set");
        // the left-out keys still teach their source's scope
        assertThat(r.excludedThumbprints()).hasSize(2);
        assertThat(r.allThumbprints()).hasSize(2);
    }

    @Test
    void aSetWithNoUsableKeyFailsNamingWhatWasLeftOut() {
        assertThatThrownBy(() -> JwkSetReader.read(
                        JwkSet.of(A.jwk().kid("twin"), B.jwk().kid("twin")).toJson()))
                .isInstanceOf(KeySetException.class)
                .hasMessageStartingWith("key set has no usable key (left out: {twin=")
                .satisfies(e -> assertThat(((KeySetException) e).thumbprints()).hasSize(2));
        assertThatThrownBy(() -> JwkSetReader.read("{\"keys\":[]}"))
                .isInstanceOf(KeySetException.class)
                .hasMessage("key set has no usable key");
    }

    @Test
    void anEntryThatIsNoObjectOrHasANonStringKidIsLeftOutByPosition() throws KeySetException {
        JwkSetReader.Result r = JwkSetReader.read(
                JwkSet.of(A.jwk()).withRaw("7").with(B.jwk().member("kid", 5)).toJson());
        assertThat(r.keys()).extracting(TrackedKey::kid).containsExactly("a");
        assertThat(r.excluded())
                .containsEntry("#1", "not a JSON object")
                .containsEntry("#2", "member kid is not a string");
    }

    @Test
    void privateMembersAreNeverKept() throws KeySetException {
        JwkSetReader.Result r =
                JwkSetReader.read(JwkSet.of(A.jwk().member("d", "AAAA")).toJson());
        assertThat(r.keys()).singleElement().satisfies(k -> assertThat(k.key()).isInstanceOf(PublicKey.class));
    }

    @Test
    void jwkDatesAreNumericDatesClampedAtTheEndsOfTime() throws KeySetException {
        TrackedKey k = only(A.jwk().member("nbf", 1.5).member("exp", 3.1e16).member("iat", -3.1e16));
        assertThat(k.jwkNotBefore()).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
        assertThat(k.jwkExpires()).isEqualTo(Instant.MAX);
        assertThat(k.jwkIssuedAt()).isEqualTo(Instant.MIN);
        TrackedKey within = only(A.jwk().member("exp", 3.0e16).member("iat", -3.0e16));
        assertThat(within.jwkExpires()).isEqualTo(Instant.ofEpochSecond(30_000_000_000_000_000L));
        assertThat(within.jwkIssuedAt()).isEqualTo(Instant.ofEpochSecond(-30_000_000_000_000_000L));
    }

    @Test
    void aRevokedMemberIsKeptWithItsDate() throws KeySetException {
        TrackedKey dated = only(A.jwk().member("revoked", Map.of("revoked_at", 1_684_000_000L)));
        assertThat(dated.revokedMember()).isTrue();
        assertThat(dated.revokedAt()).isEqualTo(Instant.ofEpochSecond(1_684_000_000L));
        TrackedKey undated = only(A.jwk().member("revoked", true));
        assertThat(undated.revokedMember()).isTrue();
        assertThat(undated.revokedAt()).isNull();
        assertThat(only(A.jwk()).revokedMember()).isFalse();
    }

    private static TrackedKey only(dev.keyfence.testkit.JwkBuilder jwk) throws KeySetException {
        return JwkSetReader.read(JwkSet.of(jwk).toJson()).keys().get(0);
    }
}
