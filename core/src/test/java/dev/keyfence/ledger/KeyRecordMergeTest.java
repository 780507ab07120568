package dev.keyfence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyRecordMergeTest {
    static final String JKT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    static final Instant T0 = Instant.parse("2023-05-15T10:00:00Z");
    static final KeyRecord.Publisher CONSUMER =
            new KeyRecord.Publisher("consumer", "https://login.example.test/9188/v2.0", "consumer");
    static final KeyRecord.Publisher COMMON =
            new KeyRecord.Publisher("contoso", "https://login.example.test/{tenantid}/v2.0", "enterprise");

    static KeyRecord.Action action(String actor, long seconds) {
        return new KeyRecord.Action(actor, "because " + actor, T0.plusSeconds(seconds));
    }

    @Test
    void consumerTaintIsNeverLostWhateverTheOrder() {
        KeyRecord asConsumer = KeyRecord.of(JKT).seen("k1", CONSUMER, T0);
        KeyRecord asEnterprise = KeyRecord.of(JKT).seen("k1", COMMON, T0.plusSeconds(60));
        assertThat(asConsumer.merge(asEnterprise).scopes()).containsExactlyInAnyOrder("consumer", "enterprise");
        assertThat(asEnterprise.merge(asConsumer).scopes()).containsExactlyInAnyOrder("consumer", "enterprise");
        assertThat(asEnterprise.merge(KeyRecord.of(JKT)).merge(asConsumer).publishers())
                .contains(CONSUMER);
    }

    @Test
    void firstSeenIsTheEarliestAndLastSeenTheLatestSightingAnywhere() {
        KeyRecord late = KeyRecord.of(JKT).seen("k1", COMMON, T0.plusSeconds(600));
        KeyRecord early = KeyRecord.of(JKT).seen("k2", COMMON, T0);
        KeyRecord merged = late.merge(early);
        assertThat(merged.firstSeen()).contains(T0);
        assertThat(merged.lastSeen()).contains(T0.plusSeconds(600));
        assertThat(merged.kids()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(KeyRecord.of(JKT).firstSeen()).isEmpty();
    }

    @Test
    void aSightingUnderNoKidAddsThePublisherAndTheInstantButNoKid() {
        KeyRecord seen = KeyRecord.of(JKT).seen(CONSUMER, T0);
        assertThat(seen.kids()).isEmpty();
        assertThat(seen.publishers()).containsExactly(CONSUMER);
        assertThat(seen.firstSeen()).contains(T0);
        assertThat(seen.lastSeen()).contains(T0);
        assertThat(seen.scopes()).containsExactly("consumer");
        KeyRecord later = seen.seen("k1", COMMON, T0.plusSeconds(60));
        assertThat(later.kids()).containsExactly("k1");
        assertThat(later.firstSeen()).contains(T0);
        assertThat(later.lastSeen()).contains(T0.plusSeconds(60));
    }

    @Test
    void revocationHoldsUntilALaterReinstatementAndWinsATie() {
        KeyRecord revoked = KeyRecord.of(JKT).revoked(action("alice", 10));
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.reinstated(action("bob", 5)).revoked())
                .as("older reinstatement")
                .isTrue();
        assertThat(revoked.reinstated(action("bob", 10)).revoked())
                .as("same instant: revocation wins")
                .isTrue();
        KeyRecord reinstated = revoked.reinstated(action("bob", 20));
        assertThat(reinstated.revoked()).isFalse();
        assertThat(reinstated.revoked(action("carol", 30)).revoked())
                .as("revoked again")
                .isTrue();
        assertThat(reinstated.revocations()).hasSize(1);
        assertThat(reinstated.latestReinstatement()).contains(action("bob", 20));
    }

    @Test
    void aRemovedKeyStaysRetiredWhenPublishedAgainUntilReinstated() {
        KeyRecord removed = KeyRecord.of(JKT).seen("k1", COMMON, T0).removed(T0.plusSeconds(100));
        KeyRecord republished = removed.seen("k1", COMMON, T0.plusSeconds(200));
        assertThat(republished.removedAt()).contains(T0.plusSeconds(100));
        KeyRecord reinstated = republished.reinstated(action("alice", 300));
        assertThat(reinstated.removedAt()).isEmpty();
        assertThat(reinstated.removed(T0.plusSeconds(400)).removedAt())
                .as("removed again after reinstatement")
                .contains(T0.plusSeconds(400));
        assertThat(reinstated.removed(T0.plusSeconds(250)).removedAt())
                .as("a late report of an older removal")
                .isEmpty();
    }

    @Test
    void mergeIsCommutativeAssociativeAndIdempotentOverRandomHistories() {
        Random random = new Random(16);
        List<KeyRecord> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            parts.add(randomRecord(random));
        }
        for (int i = 0; i < 400; i++) {
            KeyRecord a = parts.get(random.nextInt(parts.size()));
            KeyRecord b = parts.get(random.nextInt(parts.size()));
            KeyRecord c = parts.get(random.nextInt(parts.size()));
            assertThat(a.merge(b)).isEqualTo(b.merge(a));
            assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
            assertThat(a.merge(a)).isEqualTo(a);
            assertThat(a.merge(b).revoked()).isEqualTo(b.merge(a).revoked());
            assertThat(a.merge(b).merge(c).removedAt())
                    .isEqualTo(c.merge(a).merge(b).removedAt());
        }
    }

    private static KeyRecord randomRecord(Random random) {
        KeyRecord r = KeyRecord.of(JKT);
        for (int j = 0; j < 3; j++) {
            switch (random.nextInt(6)) {
                case 0 ->
                    r = r.seen(
                            "k" + random.nextInt(3),
                            random.nextBoolean() ? CONSUMER : COMMON,
                            T0.plusSeconds(random.nextInt(100)));
                case 1 -> r = r.removed(T0.plusSeconds(random.nextInt(100)));
                case 2 -> r = r.revoked(action("a" + random.nextInt(2), random.nextInt(100)));
                case 3 -> r = r.reinstated(action("b" + random.nextInt(2), random.nextInt(100)));
                case 4 ->
                    r = r.window(
                            new KeyRecord.Window(Optional.of(T0), Optional.of(T0.plusSeconds(random.nextInt(100)))));
                default -> {}
            }
        }
        return r;
    }

    @Test
    void theNewerKeySetOfASourceWinsAndTiesAreDecidedTheSameEverywhere() {
        SourceKeySet older = new SourceKeySet("consumer", "{\"keys\":[1]}", T0);
        SourceKeySet newer = new SourceKeySet("consumer", "{\"keys\":[2]}", T0.plusSeconds(1));
        assertThat(older.merge(newer)).isEqualTo(newer);
        assertThat(newer.merge(older)).isEqualTo(newer);
        SourceKeySet tie = new SourceKeySet("consumer", "{\"keys\":[3]}", T0);
        assertThat(older.merge(tie)).isEqualTo(tie.merge(older));
        assertThat(newer.toString()).doesNotContain("keys");
    }

    @Test
    void snapshotsAgreeWhateverOrderBatchesArriveIn() {
        LedgerBatch a = LedgerBatch.of(KeyRecord.of(JKT).seen("k1", CONSUMER, T0));
        LedgerBatch b = LedgerBatch.of(KeyRecord.of(JKT).revoked(action("alice", 5)));
        LedgerBatch c = LedgerBatch.of(new SourceKeySet("consumer", "{\"keys\":[]}", T0));
        LedgerSnapshot one = LedgerSnapshot.EMPTY.plus(a).plus(b).plus(c);
        LedgerSnapshot two = LedgerSnapshot.EMPTY.plus(c).plus(b).plus(a).plus(b);
        assertThat(one).isEqualTo(two);
        assertThat(one.key(JKT).orElseThrow().revoked()).isTrue();
        assertThat(one.key(JKT).orElseThrow().scopes()).containsExactly("consumer");
        assertThat(a.merge(b).keys()).hasSize(1);
        assertThat(a.merge(b).hasOperatorAction()).isTrue();
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> KeyRecord.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRecord.of("abc=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRecord.of("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRecord.Action(" ", "why", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRecord.Action("alice", "", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRecord.of(JKT).merge(KeyRecord.of("other")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRecord.Window(Optional.of(T0), Optional.of(T0.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void databaseUrlsArePrintedWithoutCredentialsOrQuery() {
        assertThat(LedgerUrls.redact("jdbc:postgresql://kf:s3cret@db:5432/keyfence?password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/keyfence");
        assertThat(LedgerSettings.jdbc("jdbc:postgresql://db/kf?password=x", Optional.empty(), Optional.empty())
                        .toString())
                .doesNotContain("password");
    }
}
