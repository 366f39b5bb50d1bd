package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Classification;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * A kind of situation under one rule set: its plan as made for one of its situations, and the rules the
 * classification's reasons come from. {@code refills} is false if filling the plan with a situation's answers did
 * not give the engine's plan for it (never seen; then the kind's situations are all evaluated by the engine).
 */
final class KindPlan {
    private final AdvicePlan plan;
    private final List<String> classifiedBy;
    private final boolean refills;

    KindPlan(AdvicePlan plan, List<String> classifiedBy, boolean refills) {
        this.plan = plan;
        this.classifiedBy = List.copyOf(classifiedBy);
        this.refills = refills;
    }

    AdvicePlan plan() {
        return plan;
    }

    List<String> classifiedBy() {
        return classifiedBy;
    }

    boolean refills() {
        return refills;
    }

    /**
     * The plan of a situation of this kind with these answers: the kind's plan with every reason made again from its
     * rule's template and these answers, as {@link RuleSet#reason} fills it. Only reasons name answers.
     */
    AdvicePlan filledFor(RuleSet rules, Answers answers) {
        List<String> why = new ArrayList<>(classifiedBy.size());
        for (String rule : classifiedBy) {
            why.add(rules.reason(rule, answers));
        }
        return withReasons(plan, why, rule -> rules.reason(rule, answers), UnaryOperator.identity());
    }

    /**
     * The plan without the words its reasons take from one situation's answers (blank: {@link #filledFor} makes each
     * one again from its rule), so that the many kinds with the same plan can share one copy (a diff holds one for each
     * of about a million kinds; with their reasons they took gigabytes); its steps, withheld items and classification
     * are the copies {@code shared} gives, so that plans share those too.
     */
    static AdvicePlan withoutReasons(AdvicePlan plan, UnaryOperator<Object> shared) {
        return withReasons(plan, List.of(), rule -> "", shared);
    }

    /**
     * The plan with these reasons for its classification, and each step's and withheld item's from its rule; each of
     * its parts the copy {@code one} gives of it.
     */
    private static AdvicePlan withReasons(
            AdvicePlan plan, List<String> why, Function<String, String> reasonOf, UnaryOperator<Object> one) {
        Classification c = plan.classification();
        List<Step> steps = new ArrayList<>(plan.steps().size());
        for (Step s : plan.steps()) {
            steps.add((Step) one.apply(new Step(
                    s.order(),
                    s.rank(),
                    s.phase(),
                    s.phaseTitle(),
                    s.id(),
                    s.title(),
                    s.detail(),
                    reasonOf.apply(s.rule()),
                    s.rule(),
                    s.sources(),
                    s.kinds(),
                    s.helplines())));
        }
        List<WithheldAdvice> withheld = new ArrayList<>(plan.withheld().size());
        for (WithheldAdvice w : plan.withheld()) {
            withheld.add((WithheldAdvice) one.apply(new WithheldAdvice(
                    w.id(), w.phase(), w.title(), reasonOf.apply(w.rule()), w.rule(), w.sources(), w.kinds())));
        }
        return new AdvicePlan(
                plan.rulesVersion(),
                (Classification) one.apply(
                        new Classification(c.nature(), c.severity(), c.track(), c.period(), c.summary(), why)),
                steps,
                withheld,
                plan.disclaimer());
    }

    /**
     * Whether, for any answers, {@link Change#between(AdvicePlan, AdvicePlan)} finds the same between these two kinds' plans
     * filled with them: every reason it may compare (each line of the classification's why, the why of each step in
     * both plans, the reason of each item withheld in both) comes from the same template on both sides, and that
     * template either names no answer or is filled with the same words (the same questionnaire). Then those reasons
     * are equal whatever the answers; nothing else {@code between} reads depends on them.
     */
    static boolean wordingFixed(KindPlan b, RuleSet before, KindPlan a, RuleSet after, boolean sameWords) {
        for (int i = 0; i < b.classifiedBy().size(); i++) {
            if (!sameTemplate(
                    before, b.classifiedBy().get(i), after, a.classifiedBy().get(i), sameWords)) {
                return false;
            }
        }
        return sameTemplates(
                        rulesById(b.plan().steps(), Step::id, Step::rule),
                        before,
                        rulesById(a.plan().steps(), Step::id, Step::rule),
                        after,
                        sameWords)
                && sameTemplates(
                        rulesById(b.plan().withheld(), WithheldAdvice::id, WithheldAdvice::rule),
                        before,
                        rulesById(a.plan().withheld(), WithheldAdvice::id, WithheldAdvice::rule),
                        after,
                        sameWords);
    }

    /** The rule that gave each item of a plan, by the item's id. */
    private static <T> Map<String, String> rulesById(List<T> items, Function<T, String> id, Function<T, String> rule) {
        Map<String, String> rules = new HashMap<>();
        items.forEach(item -> rules.put(id.apply(item), rule.apply(item)));
        return rules;
    }

    /** Whether every item both plans have comes from the same template on both sides. */
    private static boolean sameTemplates(
            Map<String, String> rulesBefore,
            RuleSet before,
            Map<String, String> rulesAfter,
            RuleSet after,
            boolean sameWords) {
        for (var e : rulesBefore.entrySet()) {
            String other = rulesAfter.get(e.getKey());
            if (other != null && !sameTemplate(before, e.getValue(), after, other, sameWords)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTemplate(
            RuleSet before, String ruleBefore, RuleSet after, String ruleAfter, boolean sameWords) {
        RuleInfo x = before.rules().get(ruleBefore);
        RuleInfo y = after.rules().get(ruleAfter);
        // a template without a brace has no placeholder: it is its own text, whatever the words for the answers
        return x != null
                && y != null
                && x.reason().equals(y.reason())
                && (sameWords || x.reason().indexOf('{') < 0);
    }
}
