/**
 * The key ledger: a durable record of every signing key seen, with its first-seen time and
 * revocations. {@link dev.keyfence.ledger.KeyLedger} is the SPI; {@link dev.keyfence.ledger.LedgerCodec}
 * and {@link dev.keyfence.ledger.LedgerView} are the building blocks the embedded and the JDBC
 * ledgers share, for other implementations too.
 */
@NullMarked
package dev.keyfence.ledger;

import org.jspecify.annotations.NullMarked;
