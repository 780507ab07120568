/**
 * The security posture of a validator, as {@code keyfence audit} and the Spring actuator endpoint
 * report it: {@link dev.keyfence.posture.PostureReport} (controls, keys, resource profiles and the
 * findings of the contract) and its one JSON form, {@link dev.keyfence.posture.PostureJson}.
 * Depends on {@code dev.keyfence}, never the other way round.
 */
@NullMarked
package dev.keyfence.posture;

import org.jspecify.annotations.NullMarked;
