package org.trustrepair.advisor.proof;

import java.util.ArrayList;
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

    /** The side of these rules, with the shortcut ({@link AlikeSituations}) when asked for and the rules allow it. */
    DiffSide(RuleSet rules, AnswerSpace space, int threads, boolean shortcut) {
        this.rules = rules;
        this.alike = shortcut ? AlikeSituations.of(rules, space, threads, true).orElse(null) : null;
    }

    /** A part for one thread. */
    Part newPart(LongFunction<Answers> answersOf) {
        return new Part(answersOf);
    }

    /** One thread's use of the side: its own session, and the kinds' plans it has looked up. */
    final class Part implements AutoCloseable {
        private final RuleSet.Evaluator evaluator = rules.newProofEvaluator();
        private final AlikeSituations.Finder kinds = alike == null ? null : alike.newFinder();
        private final LongFunction<Answers> answersOf;
        /** How many times the engine ran. */
        long evaluated;

        private Part(LongFunction<Answers> answersOf) {
            this.answersOf = answersOf;
        }

        /** The classes of run {@code run} under these rules ({@link RunReader.Run}); null without the shortcut. */
        RunReader.Run run(long run) {
            return kinds == null ? null : kinds.run(run);
        }

        RuleSet rules() {
            return rules;
        }

        /**
         * The kind of the situations of class {@code c} of {@code run} when one of its kind has been evaluated and
         * described; else null (always without the shortcut, {@code run} null), and the caller {@link #evaluate}s one.
         * Situations that get no plan are of no kind: each is evaluated.
         */
        KindPlan known(RunReader.Run run, int c) {
            if (run == null) {
                return null;
            }
            // the kind of each class of a run is kept with the run, once known
            if (run.found(c) == null) {
                AlikeSituations.SameRules kind = kinds.find(run, c);
                KindPlan known = kind == null ? null : plans.get(kind);
                if (known == null) {
                    return null;
                }
                run.remember(c, known);
            }
            return (KindPlan) run.found(c);
        }

        /**
         * The engine's outcome for situation {@code index}, of class {@code c} of {@code run}; with the shortcut, its
         * kind is described if it is new.
         */
        RuleDiff.Outcome evaluate(long index, RunReader.Run run, int c) {
            Answers answers = answersOf.apply(index);
            List<String> classifiedBy = new ArrayList<>();
            evaluated++;
            Evaluation evaluation;
            try {
                evaluation = evaluator.evaluate(answers, classifiedBy);
            } catch (EvaluationException e) {
                return new RuleDiff.Outcome(null, e.getMessage());
            }
            if (run != null) {
                describe(run, c, answers, evaluation, classifiedBy);
            }
            return new RuleDiff.Outcome(evaluation.plan(), null);
        }

        /**
         * The kind of a situation the engine evaluated, new or evaluated by another thread but not yet described: its
         * plan, which must give the engine's plan when filled with the situation's answers (else {@link
         * AlikeSituations.Mismatch}, and the diff evaluates every situation).
         */
        private void describe(
                RunReader.Run run, int c, Answers answers, Evaluation evaluation, List<String> classifiedBy) {
            AlikeSituations.SameRules kind = kinds.find(run, c);
            if (kind == null) {
                kind = kinds.remember(run, c, evaluation, null); // no guardrail is checked in a diff
            }
            KindPlan made = new KindPlan(kind.plan(), alike.shared(List.copyOf(classifiedBy)));
            if (!made.filledFor(rules, answers).equals(evaluation.plan())) {
                throw new AlikeSituations.Mismatch();
            }
            plans.putIfAbsent(kind, made);
        }

        @Override
        public void close() {
            evaluator.close();
        }
    }
}
