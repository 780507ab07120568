/** Internal: the library's small JSON reader and writer. Not API. */
@NullMarked
package dev.keyfence.internal.json;

import org.jspecify.annotations.NullMarked;
