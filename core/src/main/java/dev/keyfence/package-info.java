/** Keyfence's public API: build a {@link dev.keyfence.ValidationPolicy}, validate tokens with a {@link dev.keyfence.TokenValidator}, and read the {@link dev.keyfence.Verdict}. No method accepts or returns null unless it says so. */
@NullMarked
package dev.keyfence;

import org.jspecify.annotations.NullMarked;
