/** Internal: one check per control, run in the declared order. Not API. */
@NullMarked
package dev.keyfence.internal.checks;

import org.jspecify.annotations.NullMarked;
