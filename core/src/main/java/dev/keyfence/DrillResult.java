package dev.keyfence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attack of a {@link Drill}: its verdict under the full policy, the controls that catch it
 * alone (each as the reason code it rejects with), and whether its legitimate counterpart was
 * accepted. Carries no token and no key material.
 *
 * @param attack            stable id, e.g. {@code consumer-key} (with {@code @profile} when the policy has profiles)
 * @param title             what a person reads, e.g. {@code 2023: current consumer key, enterprise tenant}
 * @param resource          the resource (profile) name the attack was sent to
 * @param valid             true when the full policy accepted the attack (a failure)
 * @param reason            the rejection's reason code under the full policy
 * @param controls          reason codes of the controls that catch the attack alone, in evaluation order
 * @param required          how many such controls this attack needs
 * @param counterpart       the legitimate request the attack imitates
 * @param counterpartValid  true when the full policy accepted the counterpart (it must)
 * @param counterpartReason why the counterpart was refused, when it was
 * @param keyForgery        true for the 2023 key forgeries (a consumer key signing for an enterprise tenant)
 * @param finding           for a failed attack: what failed and the configuration change that adds a control
 * @param target            what a running target answered ({@code drill --target}), when one was asked
 */
public record DrillResult(
        String attack,
        String title,
        String resource,
        boolean valid,
        Optional<Reason> reason,
        List<Reason> controls,
        int required,
        String counterpart,
        boolean counterpartValid,
        Optional<Reason> counterpartReason,
        boolean keyForgery,
        Optional<String> finding,
        Optional<DrillTargetCheck> target) {
    public DrillResult {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
        controls = List.copyOf(controls);
        Objects.requireNonNull(counterpart, "counterpart");
        Objects.requireNonNull(counterpartReason, "counterpartReason");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(target, "target");
    }

    /** A result without a target. */
    public DrillResult(
            String attack,
            String title,
            String resource,
            boolean valid,
            Optional<Reason> reason,
            List<Reason> controls,
            int required,
            String counterpart,
            boolean counterpartValid,
            Optional<Reason> counterpartReason,
            boolean keyForgery,
            Optional<String> finding) {
        this(
                attack,
                title,
                resource,
                valid,
                reason,
                controls,
                required,
                counterpart,
                counterpartValid,
                counterpartReason,
                keyForgery,
                finding,
                Optional.empty());
    }

    /**
     * True when the attack was refused, its counterpart accepted, enough controls catch it alone, and
     * a target, when asked, answered as required.
     */
    public boolean passed() {
        return !valid
                && counterpartValid
                && controls.size() >= required
                && target.map(DrillTargetCheck::passed).orElse(true);
    }
}
