/** Internal: the validation engine and helpers shared by the controls. Not API. */
@NullMarked
package dev.keyfence.internal;

import org.jspecify.annotations.NullMarked;
