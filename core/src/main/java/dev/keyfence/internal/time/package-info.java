/** Internal: instant and duration arithmetic that never overflows. Not API. */
@NullMarked
package dev.keyfence.internal.time;

import org.jspecify.annotations.NullMarked;
