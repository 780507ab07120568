/** Internal: fetching, tracking and refreshing the trusted signing keys. Not API. */
@NullMarked
package dev.keyfence.internal.keys;

import org.jspecify.annotations.NullMarked;
