/** Internal: what may be printed of untrusted or secret-bearing text (identifiers, URLs). Not API. */
@NullMarked
package dev.keyfence.internal.text;

import org.jspecify.annotations.NullMarked;
