package dev.keyfence.internal.drill;

import dev.keyfence.Control;
import dev.keyfence.DrillReport;
import dev.keyfence.DrillResult;
import dev.keyfence.DrillTargetCheck;
import dev.keyfence.DrillTargetProbe;
import dev.keyfence.NamedResource;
import dev.keyfence.Reason;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.Verdict;
import dev.keyfence.internal.Engine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the catalogue inside a shadow: each attack and its counterpart under the full policy, then
 * under each control alone (every other control switched off). A control counts for an attack when,
 * alone, it refuses the attack with one of its own reason codes and accepts the counterpart.
 */
public final class DrillRunner {
    private DrillRunner() {}

    /** Drills {@code policy} (and its profiles) at {@code now}; never touches the policy's key sources. */
    public static DrillReport run(ValidationPolicy policy, List<NamedResource> profiles, int minControls, Instant now) {
        return run(policy, profiles, minControls, now, KeyBank.fresh(), Optional.empty());
    }

    /**
     * Drills with the keys of {@code bank} and, when {@code probe} is given, sends every attack and its
     * counterpart to the target too (except attacks that need key history a target cannot have).
     */
    public static DrillReport run(
            ValidationPolicy policy,
            List<NamedResource> profiles,
            int minControls,
            Instant now,
            KeyBank bank,
            Optional<DrillTargetProbe> probe) {
        try (Shadow shadow = Shadow.build(policy, now, bank)) {
            Catalogue catalogue = new Catalogue(shadow, profiles, minControls);
            List<Attack> attacks = catalogue.mint();
            Map<String, Engine> engines = new HashMap<>();
            List<DrillResult> results = new ArrayList<>();
            for (Attack a : attacks) {
                results.add(withTarget(run(shadow, a, engines), a, probe));
            }
            List<String> notes = new ArrayList<>();
            int issuers = policy.issuers().size();
            notes.add("shadow: " + issuers + (issuers == 1 ? " issuer, " : " issuers, ") + shadow.keyCount()
                    + " ephemeral keys; the real key sources are never contacted");
            notes.addAll(shadow.notes());
            return new DrillReport(now, minControls, results, notes, catalogue.skipped());
        }
    }

    private static DrillResult run(Shadow shadow, Attack a, Map<String, Engine> engines) {
        Engine full = engine(shadow, a.resource(), EnumSet.allOf(Control.class), engines, "*");
        Verdict attack = full.validate(a.token());
        Verdict counterpart = full.validate(a.counterpartToken());
        Set<Reason> catchers = new LinkedHashSet<>();
        List<Control> catching = new ArrayList<>();
        for (Control c : Control.values()) {
            if (c == Control.TOKEN_SHAPE) {
                continue;
            }
            Engine alone = engine(shadow, a.resource(), EnumSet.of(c), engines, c.name());
            if (alone.validate(a.token()) instanceof Verdict.Rejected r
                    && c.reasons().contains(r.reason())
                    && alone.validate(a.counterpartToken()) instanceof Verdict.Accepted) {
                catchers.add(r.reason());
                catching.add(c);
            }
        }
        if (attack instanceof Verdict.Rejected r && r.reason() == Reason.MALFORMED_TOKEN) {
            catchers.add(Reason.MALFORMED_TOKEN); // token shape is always on: it counts as the one control
        }
        boolean valid = attack instanceof Verdict.Accepted;
        boolean counterpartValid = counterpart instanceof Verdict.Accepted;
        Optional<Reason> reason = attack instanceof Verdict.Rejected r ? Optional.of(r.reason()) : Optional.empty();
        Optional<Reason> counterpartReason =
                counterpart instanceof Verdict.Rejected r ? Optional.of(r.reason()) : Optional.empty();
        Optional<String> finding = finding(a, valid, counterpartReason, catchers, catching);
        return new DrillResult(
                a.id(),
                a.title(),
                a.resource().name(),
                valid,
                reason,
                List.copyOf(catchers),
                a.required(),
                a.counterpart(),
                counterpartValid,
                counterpartReason,
                a.keyForgery(),
                finding);
    }

    /** The result with the target's answer; a mismatch becomes the finding when there is none yet. */
    private static DrillResult withTarget(DrillResult r, Attack a, Optional<DrillTargetProbe> probe) {
        if (probe.isEmpty()) {
            return r;
        }
        DrillTargetCheck check = a.id().startsWith("retired-key")
                ? DrillTargetCheck.notSent("needs key history the target cannot have (the key seen, then removed from "
                        + "its source); the shadow files publish the key set after the removal")
                : probe.get().check(a.id(), r.resource(), r.reason(), a.token(), a.counterpartToken());
        Optional<String> finding = r.finding().isPresent() || check.passed()
                ? r.finding()
                : Optional.of(a.title() + ": target " + check.note().orElse("answered otherwise"));
        return new DrillResult(
                r.attack(),
                r.title(),
                r.resource(),
                r.valid(),
                r.reason(),
                r.controls(),
                r.required(),
                r.counterpart(),
                r.counterpartValid(),
                r.counterpartReason(),
                r.keyForgery(),
                finding,
                Optional.of(check));
    }

    private static Optional<String> finding(
            Attack a, boolean valid, Optional<Reason> counterpartReason, Set<Reason> catchers, List<Control> catching) {
        if (counterpartReason.isPresent()) {
            return Optional.of(a.title() + ": the legitimate counterpart (" + a.counterpart() + ") was refused with "
                    + counterpartReason.get() + ", so the drill proves nothing about this attack; fix the policy or "
                    + "the shadow's assumption noted above");
        }
        if (!valid && catchers.size() >= a.required()) {
            return Optional.empty();
        }
        String caught = valid
                ? "ACCEPTED"
                : catchers.isEmpty()
                        ? "refused, but by no control alone"
                        : "caught by " + catchers.stream().map(Reason::name).collect(Collectors.joining(", "))
                                + " only";
        List<String> remedies = a.remedies().entrySet().stream()
                .filter(e -> !catching.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        String needs = " (needs " + a.required() + ")";
        return Optional.of(a.title() + ": " + caught + (valid ? "" : needs)
                + (remedies.isEmpty() ? "" : "; " + String.join(" or ", remedies)));
    }

    private static Engine engine(
            Shadow shadow, ResourcePolicy resource, Set<Control> controls, Map<String, Engine> engines, String key) {
        ValidationPolicy p = shadow.policy();
        return engines.computeIfAbsent(
                resource.name() + "/" + key, k -> Engine.withControls(p, resource, shadow.registry(), controls));
    }
}
