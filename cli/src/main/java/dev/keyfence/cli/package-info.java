/** The {@code keyfence} command-line tool's entry point. */
@NullMarked
package dev.keyfence.cli;

import org.jspecify.annotations.NullMarked;
