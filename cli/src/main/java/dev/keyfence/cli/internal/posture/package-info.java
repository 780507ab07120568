/** Internal: how the CLI renders a posture report as text and JSON. Not API. */
@NullMarked
package dev.keyfence.cli.internal.posture;

import org.jspecify.annotations.NullMarked;
