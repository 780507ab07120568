/** Internal: extracting the bearer credential from a request. Not API. */
@NullMarked
package dev.keyfence.internal.credentials;

import org.jspecify.annotations.NullMarked;
