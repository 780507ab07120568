/** The key ledger: a durable record of every signing key seen, with its first-seen time and revocations. */
@NullMarked
package dev.keyfence.ledger;

import org.jspecify.annotations.NullMarked;
