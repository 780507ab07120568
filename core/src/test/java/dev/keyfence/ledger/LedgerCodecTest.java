package dev.keyfence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public ledger codec: what it writes it reads back unchanged, and anything else is a {@link BadRecordException}. */
class LedgerCodecTest {
    private static final String JKT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    private static final Instant T0 = Instant.parse("2023-05-15T10:00:00Z");
    private static final KeyRecord.Publisher CONSUMER =
            new KeyRecord.Publisher("consumer", "https://login.example.test/9188/v2.0", "consumer");
    private static final KeyRecord.Publisher COMMON =
            new KeyRecord.Publisher("contoso", "https://login.example.test/{tenantid}/v2.0", "enterprise");

    @Test
    void everyFieldSurvivesTheRoundTrip() throws BadRecordException {
        KeyRecord full = KeyRecord.of(JKT)
                .seen("k1", CONSUMER, T0)
                .seen("k2", COMMON, T0.plusSeconds(9))
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
