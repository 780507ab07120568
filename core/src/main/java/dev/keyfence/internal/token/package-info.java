/** Internal: parsing compact JWS tokens and fingerprinting them for logs. Not API. */
@NullMarked
package dev.keyfence.internal.token;

import org.jspecify.annotations.NullMarked;
