package org.trustrepair.advisor.questionnaire;

import java.util.List;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Helpline;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.Phase;

/**
 * The Advisor's plan arranged for reading: the safety steps (with their help lines) first and set apart, then the
 * rest in the plan's own order. Nothing is decided here; a help line is shown once, with the first step that gives it.
 * Methods the templates call are public: Spring's expression language sees no others.
 */
record PlanView(AdvicePlan plan, List<StepView> safety, List<StepView> then, boolean safetyFlagged) {

    /** A step with the help lines not already shown above it on the page. */
    record StepView(Step step, List<Helpline> helplines) {}

    PlanView {
        safety = List.copyOf(safety);
        then = List.copyOf(then);
    }

    static PlanView of(AdvicePlan plan, boolean safetyFlagged) {
        List<List<Helpline>> firstGiven = plan.helplinesFirstGiven();
        List<StepView> steps = IntStream.range(0, plan.steps().size())
                .mapToObj(i -> new StepView(plan.steps().get(i), firstGiven.get(i)))
                .toList();
        return new PlanView(
                plan,
                steps.stream().filter(s -> s.step().phase() == Phase.SAFETY).toList(),
                steps.stream().filter(s -> s.step().phase() != Phase.SAFETY).toList(),
                safetyFlagged);
    }

    /** Whether safety comes first on the page: a safety step in the plan, or a safety answer. */
    public boolean safetyFirst() {
        return !safety.isEmpty() || safetyFlagged;
    }

    /** The number the first of the remaining steps carries, so that the list continues the safety steps' numbering. */
    public int thenStart() {
        return then.isEmpty() ? 1 : then.get(0).step().order();
    }
}
