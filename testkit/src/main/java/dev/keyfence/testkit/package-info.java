/** Keyfence's test kit: real key servers on 127.0.0.1, keys, tokens and a movable clock for tests. */
@NullMarked
package dev.keyfence.testkit;

import org.jspecify.annotations.NullMarked;
