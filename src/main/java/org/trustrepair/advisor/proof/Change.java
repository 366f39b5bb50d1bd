package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Classification;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;

/**
 * One difference between two plans, the same for every situation it applies to (no answers in it). {@code subject}
 * is the step or withheld id it is about, or empty. {@link #between} finds every difference between two plans: what
 * changed for one situation.
 */
record Change(Kind kind, String subject, String text) {

    /** The kinds of difference, in the order a report lists them. */
    enum Kind {
        NO_PLAN("gets no plan any more"),
        PLAN_AGAIN("gets a plan again"),
        TRACK("the plan's direction changes"),
        CLASSIFICATION("how the situation is read changes"),
        STEP_ADDED("steps added"),
        STEP_REMOVED("steps removed"),
        STEP_MOVED("steps moved"),
        STEP_REWORDED("steps reworded"),
        WITHHELD_ADDED("advice now held back"),
        WITHHELD_REMOVED("advice no longer held back"),
        WITHHELD_REWORDED("advice held back, reworded"),
        STEP_OTHER_REASON("steps given for another reason"),
        WITHHELD_OTHER_REASON("advice held back for another reason"),
        SUMMARY("the plan's opening sentence reworded"),
        DISCLAIMER("disclaimer reworded"),
        STEP_RENAMED("steps given by a rule of another name"),
        WITHHELD_RENAMED("advice held back by a rule of another name");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    static final String REASONS_REWORDED = "the reasons for the classification are reworded";

    /** Only the name of the rule that gives a step or withholds an item changes: not counted as a change. */
    static final String RENAMED = "given by a rule of another name";

    /** A part of a classification, step or withheld item that {@link #between} compares, by the name it is said by. */
    record Part<T>(String name, Function<T, Object> of) {}

    private static final List<Part<Classification>> READINGS = List.of(
            new Part<>("track", Classification::track),
            new Part<>("nature", Classification::nature),
            new Part<>("severity", Classification::severity),
            new Part<>("period", Classification::period));

    static final List<Part<Step>> STEP_PARTS = List.of(
            new Part<>("title", Step::title),
            new Part<>("phase title", Step::phaseTitle),
            new Part<>("detail", Step::detail),
            new Part<>("why", Step::why),
            new Part<>("rule", Step::rule),
            new Part<>("sources", Step::sources),
            new Part<>("kinds", Step::kinds),
            new Part<>("help lines", Step::helplines));

    static final List<Part<WithheldAdvice>> WITHHELD_PARTS = List.of(
            new Part<>("phase", WithheldAdvice::phase),
            new Part<>("title", WithheldAdvice::title),
            new Part<>("reason", WithheldAdvice::reason),
            new Part<>("rule", WithheldAdvice::rule),
            new Part<>("sources", WithheldAdvice::sources),
            new Part<>("kinds", WithheldAdvice::kinds));

    Change(Kind kind, String text) {
        this(kind, "", text);
    }

    /** Whether the advice stays the same and only its words change. */
    boolean wordsOnly() {
        return kind == Kind.STEP_REWORDED
                || kind == Kind.WITHHELD_REWORDED
                || kind == Kind.STEP_OTHER_REASON
                || kind == Kind.WITHHELD_OTHER_REASON
                || kind == Kind.SUMMARY
                || kind == Kind.DISCLAIMER
                || (kind == Kind.CLASSIFICATION && text.equals(REASONS_REWORDED));
    }

    /** Whether nothing a person reads changes but the name of a rule (the plan's "from the rule" line). */
    boolean renameOnly() {
        return kind == Kind.STEP_RENAMED || kind == Kind.WITHHELD_RENAMED;
    }

    /** The parts of a step or withheld item that a rewording changes ("title", "why"), in the order compared. */
    List<String> parts() {
        int colon = text.indexOf(": ");
        if (!wordsOnly() || colon < 0) {
            return List.of();
        }
        return List.of(
                text.substring(colon + 2, text.length() - " changed".length()).split(", "));
    }

    /** Every difference between two outcomes for one situation; empty when the plans are the same. */
    static List<Change> between(RuleDiff.Outcome before, RuleDiff.Outcome after) {
        if (before.plan() != null && after.plan() != null) {
            return between(before.plan(), after.plan());
        }
        if (before.plan() == null && after.plan() == null) {
            return Objects.equals(before.error(), after.error())
                    ? List.of()
                    : List.of(new Change(Kind.NO_PLAN, "still no plan, now: " + after.error()));
        }
        return before.plan() == null
                ? List.of(new Change(Kind.PLAN_AGAIN, "gets a plan again (before: " + before.error() + ")"))
                : List.of(new Change(Kind.NO_PLAN, "gets no plan: " + after.error()));
    }

    static List<Change> between(AdvicePlan a, AdvicePlan b) {
        List<Change> changes = new ArrayList<>();
        for (Part<Classification> p : READINGS) {
            Object was = p.of().apply(a.classification());
            Object is = p.of().apply(b.classification());
            if (was != is) {
                Kind kind = p.name().equals("track") ? Kind.TRACK : Kind.CLASSIFICATION;
                changes.add(new Change(kind, p.name() + " " + was + " → " + is));
            }
        }
        if (changes.isEmpty()
                && !a.classification().why().equals(b.classification().why())) {
            changes.add(new Change(Kind.CLASSIFICATION, REASONS_REWORDED));
        }
        if (a.classification().track() == b.classification().track()
                && !Objects.equals(
                        a.classification().summary(), b.classification().summary())) {
            changes.add(new Change(Kind.SUMMARY, "the sentence that sums up the track is reworded"));
        }
        Map<String, Step> stepsA = byId(a.steps(), Step::id);
        Map<String, Step> stepsB = byId(b.steps(), Step::id);
        Map<String, String> variants = variants(stepsA, stepsB);
        stepsB.forEach((id, t) -> {
            Step s = stepsA.getOrDefault(id, stepsA.get(variants.get(id)));
            if (s == null) {
                changes.add(new Change(
                        Kind.STEP_ADDED, id, "step " + id + " now given (" + t.phase() + ", rank " + t.rank() + ")"));
                return;
            }
            if (s.phase() != t.phase() || s.rank() != t.rank()) {
                changes.add(new Change(
                        Kind.STEP_MOVED,
                        id,
                        "step " + id + " moved from " + s.phase() + " rank " + s.rank() + " to " + t.phase() + " rank "
                                + t.rank()));
            }
            List<String> parts = differing(s, t, STEP_PARTS);
            Kind kind = parts.contains("rule") ? Kind.STEP_OTHER_REASON : Kind.STEP_REWORDED;
            reworded(changes, Kind.STEP_RENAMED, kind, id, "step " + id, parts);
        });
        stepsA.keySet().stream()
                .filter(id -> !stepsB.containsKey(id) && !variants.containsValue(id))
                .forEach(id -> changes.add(new Change(Kind.STEP_REMOVED, id, "step " + id + " no longer given")));
        Map<String, WithheldAdvice> heldA = byId(a.withheld(), WithheldAdvice::id);
        Map<String, WithheldAdvice> heldB = byId(b.withheld(), WithheldAdvice::id);
        heldB.keySet().stream()
                .filter(id -> !heldA.containsKey(id))
                .forEach(id -> changes.add(new Change(Kind.WITHHELD_ADDED, id, id + " now withheld")));
        heldA.forEach((id, w) -> {
            WithheldAdvice v = heldB.get(id);
            if (v == null) {
                changes.add(new Change(Kind.WITHHELD_REMOVED, id, id + " no longer withheld"));
            } else {
                List<String> parts = differing(w, v, WITHHELD_PARTS);
                Kind kind = parts.contains("rule") ? Kind.WITHHELD_OTHER_REASON : Kind.WITHHELD_REWORDED;
                reworded(changes, Kind.WITHHELD_RENAMED, kind, id, "withheld " + id, parts);
            }
        });
        if (!Objects.equals(a.disclaimer(), b.disclaimer())) {
            changes.add(new Change(Kind.DISCLAIMER, "the disclaimer is reworded"));
        }
        return changes;
    }

    /**
     * A rename when only the rule differs, else a rewording of the parts that differ ({@code reworded}: given by
     * another rule, or not); nothing when none does.
     */
    private static void reworded(
            List<Change> changes, Kind renamed, Kind reworded, String id, String what, List<String> parts) {
        if (parts.equals(List.of("rule"))) {
            changes.add(new Change(renamed, id, what + ": " + RENAMED));
        } else if (!parts.isEmpty()) {
            changes.add(new Change(reworded, id, what + ": " + String.join(", ", parts) + " changed"));
        }
    }

    private static <T> List<String> differing(T a, T b, List<Part<T>> parts) {
        return parts.stream()
                .filter(p -> !p.of().apply(a).equals(p.of().apply(b)))
                .map(Part::name)
                .toList();
    }

    /**
     * The steps given in other words under another id: by the id after, the id before, where a step of one plan only
     * has the same title in the same phase as one of the other plan only (a variant, such as a text for work beside
     * the text for partners). To the person reading, that is the same step, reworded.
     */
    private static Map<String, String> variants(Map<String, Step> before, Map<String, Step> after) {
        Map<String, String> variants = new LinkedHashMap<>();
        after.forEach((id, t) -> {
            if (!before.containsKey(id)) {
                before.entrySet().stream()
                        .filter(e -> !after.containsKey(e.getKey()) && !variants.containsValue(e.getKey()))
                        .filter(e -> e.getValue().title().equals(t.title())
                                && e.getValue().phase() == t.phase())
                        .findFirst()
                        .ifPresent(e -> variants.put(id, e.getKey()));
            }
        });
        return variants;
    }

    /** Step {@code id} of plan {@code after} as plan {@code before} gave it: by its id, or as a variant ({@link #variants}). */
    static Step stepBefore(AdvicePlan before, AdvicePlan after, String id) {
        Map<String, Step> stepsA = byId(before.steps(), Step::id);
        return stepsA.getOrDefault(
                id, stepsA.get(variants(stepsA, byId(after.steps(), Step::id)).get(id)));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, item -> item, (x, y) -> y, LinkedHashMap::new));
    }
}
