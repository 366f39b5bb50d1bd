package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** One rule set's side of the diff: its kinds of situation, shared by the threads, and their plans. */
final class DiffSide {
    private final RuleSet rules;
    private final AlikeSituations alike;
    private final Map<AlikeSituations.SameRules, KindPlan> plans = new ConcurrentHashMap<>();

    DiffSide(RuleSet rules, AlikeSituations alike) {
        this.rules = rules;
        this.alike = alike;
    }

    Part newPart(LongFunction<Answers> answersOf) {
        return new Part(answersOf);
    }

    /** One thread's use of the side: its own session, and the kinds' plans it has looked up. */
    final class Part implements AutoCloseable {
        private final RuleSet.Evaluator evaluator = rules.newProofEvaluator();
        private final AlikeSituations.Finder kinds = alike == null ? null : alike.newFinder();
        private final LongFunction<Answers> answersOf;
        private final List<String> classifiedBy = new ArrayList<>();
        private RuleDiff.Outcome outcome;
        private long evaluated;

        Part(LongFunction<Answers> answersOf) {
            this.answersOf = answersOf;
        }

        RuleSet rules() {
            return rules;
        }

        long evaluated() {
            return evaluated;
        }

        /** The outcome of the situation last looked up, when the engine evaluated it. */
        RuleDiff.Outcome outcome() {
            return outcome;
        }

        /**
         * The kind of situation {@code index} when one of its kind was evaluated before; else null, and the engine
         * evaluates it ({@link #outcome()}). Situations that get no plan are of no kind: each is evaluated.
         */
        KindPlan look(long index) {
            if (kinds == null) {
                evaluate(answersOf.apply(index));
                return null;
            }
            BitSet holding = kinds.holding(index);
            AlikeSituations.SameRules kind = kinds.find(holding);
            if (kind != null) {
                KindPlan known = planOf(kind);
                if (known != null && known.refills()) {
                    return known;
                }
                // a kind another thread has evaluated but not yet described, or one whose plan does not refill
                Answers answers = answersOf.apply(index);
                Evaluation evaluation = evaluate(answers);
                if (known == null && evaluation != null) {
                    describe(kind, evaluation, answers);
                }
                return null;
            }
            Answers answers = answersOf.apply(index);
            Evaluation evaluation = evaluate(answers);
            if (evaluation != null) {
                Guardrail.Words words = Guardrail.Words.withoutAnswers(evaluation.plan(), classifiedBy, rules.rules());
                describe(kinds.remember(holding, evaluation, words), evaluation, answers);
            }
            return null;
        }

        private KindPlan planOf(AlikeSituations.SameRules kind) {
            return plans.get(kind);
        }

        /** The plan of a kind, from the evaluation of one of its situations; checked to refill into that plan. */
        private void describe(AlikeSituations.SameRules kind, Evaluation evaluation, Answers answers) {
            KindPlan made = new KindPlan(kind.plan(), alike.shared(List.copyOf(classifiedBy)), true);
            if (!made.filledFor(rules, answers).equals(evaluation.plan())) {
                made = new KindPlan(kind.plan(), made.classifiedBy(), false);
            }
            plans.putIfAbsent(kind, made);
        }

        /** The engine's outcome for these answers; the evaluation, or null when there is no plan. */
        private Evaluation evaluate(Answers answers) {
            evaluated++;
            classifiedBy.clear();
            try {
                Evaluation evaluation = evaluator.evaluate(answers, classifiedBy);
                outcome = new RuleDiff.Outcome(evaluation.plan(), null);
                return evaluation;
            } catch (EvaluationException e) {
                outcome = new RuleDiff.Outcome(null, e.getMessage());
                return null;
            }
        }

        @Override
        public void close() {
            evaluator.close();
        }
    }
}
