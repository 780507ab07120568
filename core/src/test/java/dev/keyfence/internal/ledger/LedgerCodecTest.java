package dev.keyfence.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ledger.KeyRecord;
import dev.keyfence.ledger.LedgerBatch;
import dev.keyfence.ledger.SourceKeySet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerCodecTest {
    static final Instant T0 = LedgerRecords.T0;

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        KeyRecord full = KeyRecord.of(LedgerRecords.JKT)
                .seen("k1", LedgerRecords.CONSUMER, T0)
                .seen("k2", LedgerRecords.COMMON, T0.plusSeconds(9))
                .removed(T0.plusSeconds(10))
                .window(new KeyRecord.Window(Optional.empty(), Optional.of(T0.plusSeconds(99))))
                .revoked(new KeyRecord.Action("alice", "leaked \"quote\" \u00e9", T0.plusSeconds(11)))
                .reinstated(new KeyRecord.Action("bob", "false alarm", T0.plusSeconds(12)));
        LedgerBatch batch = new LedgerBatch(
                List.of(full, KeyRecord.of("other")),
                List.of(new SourceKeySet("consumer", "{\"keys\":[{\"kty\":\"RSA\"}]}", T0)));
        assertThat(LedgerCodec.decode(LedgerCodec.encode(batch))).isEqualTo(batch);
    }

    @Test
    void anythingButABatchOfTheKnownFormatIsRefused() {
        assertThatThrownBy(() -> LedgerCodec.decode("not json")).isInstanceOf(BadRecordException.class);
        assertThatThrownBy(() -> LedgerCodec.decode("{\"v\":2,\"keys\":[],\"sources\":[]}"))
                .isInstanceOf(BadRecordException.class);
        assertThatThrownBy(() -> LedgerCodec.decode("{\"v\":1,\"keys\":[{\"jkt\":\"a=b\"}],\"sources\":[]}"))
                .isInstanceOf(BadRecordException.class);
        assertThatThrownBy(() -> LedgerCodec.decode("{\"v\":1,\"keys\":{},\"sources\":[]}"))
                .isInstanceOf(BadRecordException.class);
        assertThatThrownBy(
                        () -> LedgerCodec.decode(
                                "{\"v\":1,\"keys\":[],\"sources\":[{\"source\":\"s\",\"json\":\"{}\",\"readAt\":\"yesterday\"}]}"))
                .isInstanceOf(BadRecordException.class);
    }
}
