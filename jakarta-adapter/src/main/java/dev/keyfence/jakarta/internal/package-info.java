/** Internal: the servlet filter's settings and request handling. Not API. */
@NullMarked
package dev.keyfence.jakarta.internal;

import org.jspecify.annotations.NullMarked;
