/** Internal: the Spring adapter's property binding, health and metrics plumbing. Not API. */
@NullMarked
package dev.keyfence.spring.internal;

import org.jspecify.annotations.NullMarked;
