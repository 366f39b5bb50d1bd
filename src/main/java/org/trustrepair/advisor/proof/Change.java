package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustrepair.advisor.advice.AdvicePlan;
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
        DISCLAIMER("disclaimer reworded"),
        STEP_RENAMED("steps given by a renamed rule"),
        WITHHELD_RENAMED("advice held back by a renamed rule");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    static final String REASONS_REWORDED = "the reasons for the classification are reworded";

    Change(Kind kind, String text) {
        this(kind, "", text);
    }

    /** Only the name of the rule that gives a step or withholds an item changes: not counted as a change. */
    static final String RENAMED = "given by a renamed rule";

    /** Whether the advice stays the same and only its words change. */
    boolean wordsOnly() {
        return kind == Kind.STEP_REWORDED
                || kind == Kind.WITHHELD_REWORDED
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
        if ((kind != Kind.STEP_REWORDED && kind != Kind.WITHHELD_REWORDED) || colon < 0) {
            return List.of();
        }
        return List.of(
                text.substring(colon + 2, text.length() - " changed".length()).split(", "));
    }

    /** Every difference between two outcomes for one situation; empty when the plans are the same. */
    static List<Change> between(RuleDiff.Outcome before, RuleDiff.Outcome after) {
        if (before.plan() == null || after.plan() == null) {
            if (before.plan() == null && after.plan() == null) {
                return Objects.equals(before.error(), after.error())
                        ? List.of()
                        : List.of(new Change(Kind.NO_PLAN, "still no plan, now: " + after.error()));
            }
            return before.plan() == null
                    ? List.of(new Change(Kind.PLAN_AGAIN, "gets a plan again (before: " + before.error() + ")"))
                    : List.of(new Change(Kind.NO_PLAN, "gets no plan: " + after.error()));
        }
        return between(before.plan(), after.plan());
    }

    static List<Change> between(AdvicePlan a, AdvicePlan b) {
        List<Change> changes = new ArrayList<>();
        var ca = a.classification();
        var cb = b.classification();
        if (ca.track() != cb.track()) {
            changes.add(new Change(Kind.TRACK, "track " + ca.track() + " → " + cb.track()));
        }
        if (ca.nature() != cb.nature()) {
            changes.add(new Change(Kind.CLASSIFICATION, "nature " + ca.nature() + " → " + cb.nature()));
        }
        if (ca.severity() != cb.severity()) {
            changes.add(new Change(Kind.CLASSIFICATION, "severity " + ca.severity() + " → " + cb.severity()));
        }
        if (ca.period() != cb.period()) {
            changes.add(new Change(Kind.CLASSIFICATION, "period " + ca.period() + " → " + cb.period()));
        }
        if (!ca.why().equals(cb.why())
                && ca.track() == cb.track()
                && ca.nature() == cb.nature()
                && ca.severity() == cb.severity()
                && ca.period() == cb.period()) {
            changes.add(new Change(Kind.CLASSIFICATION, Change.REASONS_REWORDED));
        }
        Map<String, Step> stepsA = byId(a.steps());
        Map<String, Step> stepsB = byId(b.steps());
        stepsB.forEach((id, s) -> {
            if (!stepsA.containsKey(id)) {
                changes.add(new Change(
                        Kind.STEP_ADDED, id, "step " + id + " now given (" + s.phase() + ", rank " + s.rank() + ")"));
            }
        });
        stepsA.forEach((id, s) -> {
            Step t = stepsB.get(id);
            if (t == null) {
                changes.add(new Change(Kind.STEP_REMOVED, id, "step " + id + " no longer given"));
                return;
            }
            if (s.phase() != t.phase() || s.rank() != t.rank()) {
                changes.add(new Change(
                        Kind.STEP_MOVED,
                        id,
                        "step " + id + " moved from " + s.phase() + " rank " + s.rank() + " to " + t.phase() + " rank "
                                + t.rank()));
            }
            List<String> parts = new ArrayList<>();
            if (!s.title().equals(t.title())) {
                parts.add("title");
            }
            if (!s.phaseTitle().equals(t.phaseTitle())) {
                parts.add("phase title");
            }
            if (!s.detail().equals(t.detail())) {
                parts.add("detail");
            }
            if (!s.why().equals(t.why())) {
                parts.add("why");
            }
            if (!s.rule().equals(t.rule())) {
                parts.add("rule");
            }
            if (!s.sources().equals(t.sources())) {
                parts.add("sources");
            }
            if (!s.kinds().equals(t.kinds())) {
                parts.add("kinds");
            }
            if (!s.helplines().equals(t.helplines())) {
                parts.add("help lines");
            }
            if (parts.equals(List.of("rule"))) {
                changes.add(new Change(Kind.STEP_RENAMED, id, "step " + id + ": " + RENAMED));
            } else if (!parts.isEmpty()) {
                changes.add(new Change(
                        Kind.STEP_REWORDED, id, "step " + id + ": " + String.join(", ", parts) + " changed"));
            }
        });
        Map<String, WithheldAdvice> heldA = new LinkedHashMap<>();
        a.withheld().forEach(w -> heldA.put(w.id(), w));
        Map<String, WithheldAdvice> heldB = new LinkedHashMap<>();
        b.withheld().forEach(w -> heldB.put(w.id(), w));
        heldB.forEach((id, w) -> {
            if (!heldA.containsKey(id)) {
                changes.add(new Change(Kind.WITHHELD_ADDED, id, id + " now withheld"));
            }
        });
        heldA.forEach((id, w) -> {
            WithheldAdvice v = heldB.get(id);
            if (v == null) {
                changes.add(new Change(Kind.WITHHELD_REMOVED, id, id + " no longer withheld"));
            } else if (!w.equals(v)) {
                List<String> parts = new ArrayList<>();
                if (w.phase() != v.phase()) {
                    parts.add("phase");
                }
                if (!w.title().equals(v.title())) {
                    parts.add("title");
                }
                if (!w.reason().equals(v.reason())) {
                    parts.add("reason");
                }
                if (!w.rule().equals(v.rule())) {
                    parts.add("rule");
                }
                if (!w.sources().equals(v.sources())) {
                    parts.add("sources");
                }
                if (!w.kinds().equals(v.kinds())) {
                    parts.add("kinds");
                }
                changes.add(
                        parts.equals(List.of("rule"))
                                ? new Change(Kind.WITHHELD_RENAMED, id, "withheld " + id + ": " + RENAMED)
                                : new Change(
                                        Kind.WITHHELD_REWORDED,
                                        id,
                                        "withheld " + id + ": " + String.join(", ", parts) + " changed"));
            }
        });
        if (!Objects.equals(a.disclaimer(), b.disclaimer())) {
            changes.add(new Change(Kind.DISCLAIMER, "the disclaimer is reworded"));
        }
        return changes;
    }

    private static Map<String, Step> byId(List<Step> steps) {
        Map<String, Step> result = new LinkedHashMap<>();
        steps.forEach(s -> result.put(s.id(), s));
        return result;
    }
}
