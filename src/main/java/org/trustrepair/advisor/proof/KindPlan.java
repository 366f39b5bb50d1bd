package org.trustrepair.advisor.proof;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Classification;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * A kind of situation under one rule set: its plan as made for one of its situations, and the rules the
 * classification's reasons come from. Compared by identity: each kind has one, and comparing plans would cost a diff
 * more than it saves.
 */
record KindPlan(AdvicePlan plan, List<String> classifiedBy) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /**
     * The plan of a situation of this kind with these answers: the kind's plan with every reason made again from its
     * rule's template and these answers, as {@link RuleSet#reason} fills it. Only reasons name answers.
     */
    AdvicePlan filledFor(RuleSet rules, Answers answers) {
        List<String> why =
                classifiedBy.stream().map(rule -> rules.reason(rule, answers)).toList();
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
        List<Step> steps = plan.steps().stream()
                .map(s -> (Step) one.apply(new Step(
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
                        s.helplines())))
                .toList();
        List<WithheldAdvice> withheld = plan.withheld().stream()
                .map(w -> (WithheldAdvice) one.apply(new WithheldAdvice(
                        w.id(), w.phase(), w.title(), reasonOf.apply(w.rule()), w.rule(), w.sources(), w.kinds())))
                .toList();
        return new AdvicePlan(
                plan.rulesVersion(),
                (Classification) one.apply(
                        new Classification(c.nature(), c.severity(), c.track(), c.period(), c.summary(), why)),
                steps,
                withheld,
                plan.disclaimer());
    }

    /**
     * Whether, for any answers, {@link Change#between(AdvicePlan, AdvicePlan)} finds the same between these two kinds'
     * plans filled with them: for every pair of reasons it may compare (each line of the classification's why, the why
     * of each step in both plans, the reason of each item withheld in both), either neither template names an answer
     * (each is its own text, whatever the answers, so they are equal or differ alike for every situation), or both
     * come from the same template filled with the same words (the same questionnaire). Nothing else {@code between}
     * reads depends on the answers.
     */
    static boolean wordingFixed(KindPlan b, RuleSet before, KindPlan a, RuleSet after, boolean sameWords) {
        BiPredicate<String, String> same = (x, y) -> {
            RuleInfo was = before.rules().get(x);
            RuleInfo is = after.rules().get(y);
            if (was == null || is == null) {
                return false;
            }
            // a template without a brace has no placeholder: it is its own text, whatever the words for the answers
            boolean constant = was.reason().indexOf('{') < 0 && is.reason().indexOf('{') < 0;
            return constant || (sameWords && was.reason().equals(is.reason()));
        };
        return b.classifiedBy().size() == a.classifiedBy().size()
                && IntStream.range(0, b.classifiedBy().size())
                        .allMatch(i -> same.test(
                                b.classifiedBy().get(i), a.classifiedBy().get(i)))
                && inBoth(b.plan().steps(), a.plan().steps(), Step::id, Step::rule, same)
                && inBoth(b.plan().withheld(), a.plan().withheld(), WithheldAdvice::id, WithheldAdvice::rule, same);
    }

    /** Whether every item both plans have (by id) comes from rules {@code same} holds alike. */
    private static <T> boolean inBoth(
            List<T> before,
            List<T> after,
            Function<T, String> id,
            Function<T, String> rule,
            BiPredicate<String, String> same) {
        Map<String, String> rulesAfter = after.stream().collect(Collectors.toMap(id, rule, (x, y) -> y));
        return before.stream().allMatch(item -> {
            String other = rulesAfter.get(id.apply(item));
            return other == null || same.test(rule.apply(item), other);
        });
    }
}
