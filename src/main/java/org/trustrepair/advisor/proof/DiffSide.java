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
    /** How many situations a run holds ({@link RunReader.Run}): one for each set of safety flags. */
    private final int sets;

    /** The side of these rules, with the shortcut ({@link AlikeSituations}) when asked for and the rules allow it. */
    DiffSide(RuleSet rules, AnswerSpace space, int threads, boolean shortcut) {
        this.rules = rules;
        this.sets = space.safetySetCount();
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
        private final List<String> classifiedBy = new ArrayList<>();
        /** The outcome of the situation last looked up, when the engine evaluated it. */
        RuleDiff.Outcome outcome;
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
         * The kind of situation {@code index} when one of its kind was evaluated before; else null, and the engine
         * evaluates it ({@link #outcome}). Situations that get no plan are of no kind: each is evaluated.
         */
        KindPlan look(long index) {
            if (kinds == null) {
                evaluate(answersOf.apply(index));
                return null;
            }
            // the kind of each class of a run is kept with the run, once known
            RunReader.Run run = kinds.run(index / sets);
            int c = run.classOf()[(int) (index % sets)];
            if (run.found(c) != null) {
                return (KindPlan) run.found(c);
            }
            AlikeSituations.SameRules kind = kinds.find(run, c);
            KindPlan known = kind == null ? null : plans.get(kind);
            if (known != null && known.refills()) {
                run.remember(c, known);
                return known;
            }
            Answers answers = answersOf.apply(index);
            Evaluation evaluation = evaluate(answers);
            if (evaluation == null || known != null) {
                return null; // no plan, or a kind whose plan does not refill
            }
            if (kind == null) {
                kind = kinds.remember(run, c, evaluation, null); // no guardrail is checked in a diff
            }
            // a new kind, or one another thread has evaluated but not yet described: its plan, checked to refill
            KindPlan made = new KindPlan(kind.plan(), alike.shared(List.copyOf(classifiedBy)), true);
            if (!made.filledFor(rules, answers).equals(evaluation.plan())) {
                made = new KindPlan(kind.plan(), made.classifiedBy(), false);
            }
            plans.putIfAbsent(kind, made);
            return null;
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
