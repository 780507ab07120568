/** A key ledger stored in a relational database over JDBC. */
@NullMarked
package dev.keyfence.ledger.jdbc;

import org.jspecify.annotations.NullMarked;
