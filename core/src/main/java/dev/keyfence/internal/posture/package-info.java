/** Internal: the rules that turn key and issuer state into posture findings. Not API. */
@NullMarked
package dev.keyfence.internal.posture;

import org.jspecify.annotations.NullMarked;
