/** Internal: request-path decoding and path-to-resource routing. Not API. */
@NullMarked
package dev.keyfence.internal.paths;

import org.jspecify.annotations.NullMarked;
