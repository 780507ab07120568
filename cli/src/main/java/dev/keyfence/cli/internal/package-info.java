/** Internal: the CLI's commands and their text and JSON output. Not API. */
@NullMarked
package dev.keyfence.cli.internal;

import org.jspecify.annotations.NullMarked;
