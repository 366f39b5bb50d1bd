package org.trustrepair.advisor.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustrepair.advisor.advice.engine.Catalogue;

/**
 * What a case says its plan must look like, in a form a counsellor can write:
 *
 * <pre>
 * "expected": {
 *   "track": "STEP_BACK", "nature": "INTEGRITY", "severity": "SERIOUS", "period": "FIRST_TWO_WEEKS",
 *   "phases": ["REFLECT", "STEP_BACK"], "absentPhases": ["APOLOGIZE"],
 *   "steps": ["act-instead-of-apologizing"], "absentSteps": ["apologize-fully"],
 *   "order": ["REFLECT before STEP_BACK", "end-it-completely before apologize-fully"],
 *   "withheld": ["apologize-again"], "first": "crisis-line-first"
 * }
 * </pre>
 *
 * Every part is optional. In {@code order} and {@code first}, a name in capitals is a phase, anything else a step id.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Expectation(
        Track track,
        Nature nature,
        Severity severity,
        /* the period the sample was written for: it fails when a period edge moves it into another */
        Period period,
        List<Phase> phases,
        List<Phase> absentPhases,
        List<String> steps,
        List<String> absentSteps,
        List<String> order,
        List<String> withheld,
        String first) {

    private static final Pattern BEFORE = Pattern.compile("^\\s*(\\S+)\\s+before\\s+(\\S+)\\s*$");

    public Expectation {
        phases = phases == null ? List.of() : List.copyOf(phases);
        absentPhases = absentPhases == null ? List.of() : List.copyOf(absentPhases);
        steps = steps == null ? List.of() : List.copyOf(steps);
        absentSteps = absentSteps == null ? List.of() : List.copyOf(absentSteps);
        order = order == null ? List.of() : List.copyOf(order);
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
    }

    /** Problems with the expectation itself (an order line that does not read "A before B"). */
    public List<String> mistakes() {
        List<String> mistakes = new ArrayList<>();
        for (String line : order) {
            if (!BEFORE.matcher(line).matches()) {
                mistakes.add("order \"" + line + "\" should read \"A before B\"");
            }
        }
        return mistakes;
    }

    /**
     * Every way the plan falls short of this expectation, in plain words; empty when it holds. Steps, withheld items,
     * phases and tracks are named as a person reads them in {@code texts} (the rules' advice.yaml and plan.yaml), with
     * the id or value the sample writes beside: “Apologize fully, once” (apologize-fully).
     */
    public List<String> failures(AdvicePlan plan, Catalogue texts) {
        List<String> failures = new ArrayList<>(mistakes());
        var c = plan.classification();
        if (track != null && track != c.track()) {
            failures.add("track should be " + track(track, texts) + " but is " + track(c.track(), texts));
        }
        if (nature != null && nature != c.nature()) {
            failures.add("nature should be " + nature + " but is " + c.nature());
        }
        if (severity != null && severity != c.severity()) {
            failures.add("severity should be " + severity + " but is " + c.severity());
        }
        if (period != null && period != c.period()) {
            failures.add("period should be " + period + " but is " + c.period() + " (if a period edge moved, give the"
                    + " sample a number of days inside the period it was written for, or write the new period)");
        }
        List<Phase> present =
                plan.steps().stream().map(AdvicePlan.Step::phase).distinct().toList();
        for (Phase p : phases) {
            if (!present.contains(p)) {
                failures.add("phase " + texts.named(p) + " should be in the plan but is not");
            }
        }
        for (Phase p : absentPhases) {
            if (present.contains(p)) {
                failures.add("phase " + texts.named(p) + " should not be in the plan but is");
            }
        }
        for (String id : steps) {
            if (!plan.hasStep(id)) {
                failures.add("step " + texts.named(id) + " should be given but is not" + variantGiven(plan, texts, id));
            }
        }
        for (String id : absentSteps) {
            if (plan.hasStep(id)) {
                failures.add("step " + texts.named(id) + " should not be given but is");
            }
        }
        for (String id : withheld) {
            if (!plan.withholds(id)) {
                failures.add(texts.named(id) + " should be withheld but is not");
            }
        }
        for (String line : order) {
            Matcher m = BEFORE.matcher(line);
            if (m.matches()) {
                int a = firstIndex(plan, m.group(1));
                int b = firstIndex(plan, m.group(2));
                if (a < 0 || b < 0) {
                    failures.add("\"" + line + "\" cannot hold: " + named(a < 0 ? m.group(1) : m.group(2), texts)
                            + " is not in the plan");
                } else if (lastIndex(plan, m.group(1)) >= b) {
                    failures.add("\"" + line + "\" does not hold: " + named(m.group(2), texts) + " comes before "
                            + named(m.group(1), texts));
                }
            }
        }
        if (first != null && !first.isBlank()) {
            if (plan.steps().isEmpty() || !matches(plan.steps().get(0), first)) {
                failures.add("the first step should be " + (isPhase(first) ? "in the phase " : "")
                        + named(first, texts) + " but is "
                        + (plan.steps().isEmpty()
                                ? "nothing"
                                : texts.named(plan.steps().get(0).id())));
            }
        }
        return failures;
    }

    /**
     * Where the plan gives, instead of step {@code id}, a variant with the same title (a text of its own for another
     * relationship or time): which, and what to write in the sample if that is what the edit meant; else nothing.
     */
    private String variantGiven(AdvicePlan plan, Catalogue texts, String id) {
        Catalogue.AdviceText text = texts.advice().get(id);
        if (text == null) {
            return "";
        }
        return plan.steps().stream()
                .filter(s -> text.title().equals(s.title()))
                .findFirst()
                .map(s -> ": the plan gives " + texts.named(s.id()) + ", a variant with the same title, in its place;"
                        + (absentSteps.contains(s.id())
                                // a counsellor's trial followed the hint and broke the sample's other expectation
                                ? " this sample says that variant should not be given either: these answers may no"
                                        + " longer describe the situation it was written for (after a change of a"
                                        + " number, give it the new number)"
                                : " if that is what the edit meant, write \"" + s.id() + "\" in the sample instead"))
                .orElse("");
    }

    /** A track with the sentence that sums it up in a plan: STEP_BACK (“Step back, and let …”). */
    private static String track(Track t, Catalogue texts) {
        String summary = texts.trackSummaries().get(t);
        return summary == null ? t.name() : t + " (“" + summary.strip() + "”)";
    }

    /** A name in an order line or in {@code first}: a phase in capitals, else a step id. */
    private static String named(String name, Catalogue texts) {
        return isPhase(name) ? texts.named(Phase.valueOf(name)) : texts.named(name);
    }

    private static boolean matches(AdvicePlan.Step step, String name) {
        return isPhase(name) ? step.phase().name().equals(name) : step.id().equals(name);
    }

    private static boolean isPhase(String name) {
        for (Phase p : Phase.values()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int firstIndex(AdvicePlan plan, String name) {
        for (int i = 0; i < plan.steps().size(); i++) {
            if (matches(plan.steps().get(i), name)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndex(AdvicePlan plan, String name) {
        for (int i = plan.steps().size() - 1; i >= 0; i--) {
            if (matches(plan.steps().get(i), name)) {
                return i;
            }
        }
        return -1;
    }
}
