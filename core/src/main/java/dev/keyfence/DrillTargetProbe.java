package dev.keyfence;

import java.util.Optional;

/**
 * Sends one attack and its counterpart to a running target ({@code drill --target}) and compares
 * the answers with the shadow's verdict; given to {@link Drill.Builder#target(DrillTargetProbe)}.
 * The tokens are the shadow's minted tokens: an implementation sends them nowhere but the target
 * the user named, and never prints or logs them.
 */
public interface DrillTargetProbe {
    /**
     * The target's answer to {@code token} (expected: 401 with {@code expected} as its reason) and to
     * {@code counterpartToken} (expected: 2xx), for the attack {@code attack} at resource {@code resource}.
     */
    DrillTargetCheck check(
            String attack, String resource, Optional<Reason> expected, String token, String counterpartToken);
}
