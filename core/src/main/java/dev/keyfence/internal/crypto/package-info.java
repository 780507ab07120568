/** Internal: signature verification and key-strength checks. Not API. */
@NullMarked
package dev.keyfence.internal.crypto;

import org.jspecify.annotations.NullMarked;
