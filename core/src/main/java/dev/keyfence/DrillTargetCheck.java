package dev.keyfence;

import java.util.Objects;
import java.util.Optional;

/**
 * What a running target answered to one attack of a {@link Drill} and to its legitimate
 * counterpart ({@code keyfence drill --target URL}). The target must answer 401 with the reason
 * the shadow gives in {@code error_description}, and 2xx to the counterpart. An attack that cannot
 * be reproduced on the target (e.g. it needs key history the target never saw) is not sent, and
 * {@code note} says why. Carries no token.
 *
 * @param sent              false when the attack was not sent (see {@code note})
 * @param status            the HTTP status of the attack's request (0 when not sent)
 * @param reason            the {@code error_description} of the target's {@code WWW-Authenticate} challenge
 * @param counterpartStatus the HTTP status of the counterpart's request (0 when not sent)
 * @param matched           true when the target answered as required
 * @param note              why the attack was not sent, or what did not match
 */
public record DrillTargetCheck(
        boolean sent,
        int status,
        Optional<String> reason,
        int counterpartStatus,
        boolean matched,
        Optional<String> note) {
    public DrillTargetCheck {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
    }

    /** An attack not sent to the target, with why. */
    public static DrillTargetCheck notSent(String why) {
        return new DrillTargetCheck(false, 0, Optional.empty(), 0, false, Optional.of(why));
    }

    /** True unless the attack was sent and the target's answer did not match. */
    public boolean passed() {
        return !sent || matched;
    }
}
