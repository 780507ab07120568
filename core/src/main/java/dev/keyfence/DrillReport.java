package dev.keyfence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link Drill}: one result per attack, the notes saying what the shadow assumed
 * about key shapes, and the attacks that could not be minted for this policy (with why).
 *
 * @param at          the instant every time rule was evaluated at
 * @param minControls controls each 2023 key forgery needs at a resource that refuses the forging key's scope
 * @param results     one per attack, in catalogue order
 * @param notes       the shadow's shape of each issuer's keys, and where that was learned
 * @param skipped     attacks not minted, each with the reason (e.g. {@code keys.max-age} not set)
 */
public record DrillReport(
        Instant at, int minControls, List<DrillResult> results, List<String> notes, List<String> skipped) {
    public DrillReport {
        Objects.requireNonNull(at, "at");
        results = List.copyOf(results);
        notes = List.copyOf(notes);
        skipped = List.copyOf(skipped);
    }

    /** True when every attack was refused, every counterpart accepted, and every attack had its controls. */
    public boolean passed() {
        return results.stream().allMatch(DrillResult::passed);
    }

    /** The findings of the failed attacks, in catalogue order. */
    public List<String> findings() {
        return results.stream()
                .map(DrillResult::finding)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The fewest controls that catch any 2023 key forgery alone, at the resources held to
     * {@link #minControls()} (at every resource when none is): the number of controls that must
     * all fail before a forged key gets through.
     */
    public int minimumKeyForgeryControls() {
        List<DrillResult> forgeries =
                results.stream().filter(DrillResult::keyForgery).toList();
        List<DrillResult> held =
                forgeries.stream().filter(r -> r.required() >= minControls).toList();
        return (held.isEmpty() ? forgeries : held)
                .stream()
                        .mapToInt(r -> r.valid() ? 0 : r.controls().size())
                        .min()
                        .orElse(0);
    }
}
