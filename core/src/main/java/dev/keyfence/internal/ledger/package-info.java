/** Internal: the file-backed key ledger. Not API. */
@NullMarked
package dev.keyfence.internal.ledger;

import org.jspecify.annotations.NullMarked;
