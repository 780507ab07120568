/** Internal: the parsed configuration tree. Not API. */
@NullMarked
package dev.keyfence.internal.config;

import org.jspecify.annotations.NullMarked;
