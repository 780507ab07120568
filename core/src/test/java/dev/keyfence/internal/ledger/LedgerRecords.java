package dev.keyfence.internal.ledger;

import dev.keyfence.ledger.KeyRecord;
import java.time.Instant;

/** The key thumbprint, instant and publishers the ledger tests record (as in {@code KeyRecordMergeTest}). */
final class LedgerRecords {
    static final String JKT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    static final Instant T0 = Instant.parse("2023-05-15T10:00:00Z");
    static final KeyRecord.Publisher CONSUMER =
            new KeyRecord.Publisher("consumer", "https://login.example.test/9188/v2.0", "consumer");
    static final KeyRecord.Publisher COMMON =
            new KeyRecord.Publisher("contoso", "https://login.example.test/{tenantid}/v2.0", "enterprise");

    private LedgerRecords() {}
}
