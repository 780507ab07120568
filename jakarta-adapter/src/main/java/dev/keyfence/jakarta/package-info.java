/** The Jakarta Servlet adapter: a filter that validates bearer tokens with Keyfence. */
@NullMarked
package dev.keyfence.jakarta;

import org.jspecify.annotations.NullMarked;
