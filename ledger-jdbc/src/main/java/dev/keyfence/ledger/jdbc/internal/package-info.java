/** Internal: the JDBC ledger's schema. Not API. */
@NullMarked
package dev.keyfence.ledger.jdbc.internal;

import org.jspecify.annotations.NullMarked;
