/** Internal: the forged-token drill (attacks minted against a shadow of the live keys). Not API. */
@NullMarked
package dev.keyfence.internal.drill;

import org.jspecify.annotations.NullMarked;
