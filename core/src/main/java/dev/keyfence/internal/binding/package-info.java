/** Internal: sender-constrained tokens (DPoP proofs, certificate thumbprints). Not API. */
@NullMarked
package dev.keyfence.internal.binding;

import org.jspecify.annotations.NullMarked;
