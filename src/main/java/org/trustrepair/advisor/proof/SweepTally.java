package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * One thread's counts in a {@link Sweep}: the situations, the guardrails broken and, for each, the first situations (in
 * space order) that break it with different plans, the errors, and how many situations each rule fired for. Merged at
 * the end, so the outcome does not depend on thread timing (a thread takes its situations in space order).
 */
final class SweepTally {
    private final Guardrails guardrails;

    final Map<Guardrail, Long> violations = new LinkedHashMap<>();
    /** The examples of a broken guardrail: at most this many, each with a plan of its own. */
    static final int EXAMPLES = 3;

    /** An example, and what tells its plan apart: its kind, or the rules that fired for it. */
    private record Found(Sweep.Example example, Object plan) {}

    private final Map<Guardrail, List<Found>> examples = new LinkedHashMap<>();
    final Map<String, long[]> fired = new HashMap<>();
    /** Kinds are their own identity ({@link AlikeSituations.SameRules}). */
    private final Map<AlikeSituations.SameRules, long[]> ofKind = new IdentityHashMap<>();

    private AlikeSituations.SameRules lastKind;
    private long[] last;
    long situations;
    long evaluated;
    long errors;
    Sweep.Example firstError;

    SweepTally(Guardrails guardrails) {
        this.guardrails = guardrails;
        guardrails.all().forEach(g -> violations.put(g, 0L));
    }

    void check(long index, Answers answers, RuleSet.Evaluator evaluator) {
        Evaluation evaluation = evaluate(index, answers, evaluator, new ArrayList<>());
        if (evaluation != null) {
            Set<String> fired = new HashSet<>(evaluation.firedRules());
            record(index, i -> answers, guardrails.problems(answers, evaluation.plan()), fired, fired, 1);
        }
    }

    /**
     * The situation evaluated by the engine, with the rules of its classification's reasons added to {@code
     * classifiedBy}; null, counted as an error, when it gets no plan.
     */
    Evaluation evaluate(long index, Answers answers, RuleSet.Evaluator evaluator, List<String> classifiedBy) {
        evaluated++;
        try {
            return evaluator.evaluate(answers, classifiedBy);
        } catch (EvaluationException e) {
            situations++;
            errors++;
            if (firstError == null || index < firstError.index()) {
                firstError = new Sweep.Example(index, answers, e.getMessage());
            }
            return null;
        }
    }

    /**
     * The verdicts of {@code count} situations alike, the first of which is {@code index} (in the order of the
     * guardrails file: null where it holds, else what is wrong; or null for all, when every guardrail holds) and the
     * rules that fired for them (each once); their answers are made only for an example.
     */
    private void record(
            long index,
            LongFunction<Answers> answersOf,
            String[] problems,
            Collection<String> firedRules,
            Object plan,
            int count) {
        situations += count;
        List<Guardrail> all = guardrails.all();
        for (int i = 0; problems != null && i < problems.length; i++) {
            Guardrail g = all.get(i);
            String problem = problems[i];
            if (problem != null) {
                violations.merge(g, (long) count, Long::sum);
                List<Found> found = examples.computeIfAbsent(g, x -> new ArrayList<>());
                if (wants(found, plan)) { // the answers are made only for an example kept
                    found.add(new Found(new Sweep.Example(index, answersOf.apply(index), problem), plan));
                }
            }
        }
        for (String rule : firedRules) {
            fired.computeIfAbsent(rule, r -> new long[1])[0] += count;
        }
    }

    /**
     * {@code count} situations of a known kind, the first of which is {@code index}: its rules are counted by kind,
     * and added up once at the end (the last kind's counter is kept at hand).
     */
    void record(
            long index, LongFunction<Answers> answersOf, String[] problems, AlikeSituations.SameRules kind, int count) {
        record(index, answersOf, problems, List.of(), kind, count);
        if (kind != lastKind) {
            lastKind = kind;
            last = ofKind.computeIfAbsent(kind, k -> new long[1]);
        }
        last[0] += count;
    }

    /** Whether these examples take one more of this plan: they are not full, and none has the same plan. */
    private static boolean wants(List<Found> found, Object plan) {
        return found.size() < EXAMPLES && found.stream().noneMatch(f -> f.plan().equals(plan));
    }

    /** The examples of each broken guardrail, in space order, each with a plan of its own. */
    Map<Guardrail, List<Sweep.Example>> examples() {
        Map<Guardrail, List<Sweep.Example>> result = new LinkedHashMap<>();
        examples.forEach(
                (g, found) -> result.put(g, found.stream().map(Found::example).toList()));
        return result;
    }

    /** Adds up the rules fired by situations counted by kind. */
    SweepTally done() {
        ofKind.forEach((kind, count) -> kind.countFired(count[0], fired));
        ofKind.clear();
        lastKind = null;
        return this;
    }

    void merge(SweepTally other) {
        other.violations.forEach((g, n) -> violations.merge(g, n, Long::sum));
        // each thread's first examples of each plan, in space order: together, the first of all
        other.examples.forEach((g, theirs) -> {
            List<Found> both = new ArrayList<>(examples.getOrDefault(g, List.of()));
            both.addAll(theirs);
            both.sort(Comparator.comparingLong(f -> f.example().index()));
            List<Found> first = new ArrayList<>();
            both.stream().filter(f -> wants(first, f.plan())).forEach(first::add);
            examples.put(g, first);
        });
        other.fired.forEach((rule, n) -> fired.computeIfAbsent(rule, r -> new long[1])[0] += n[0]);
        errors += other.errors;
        situations += other.situations;
        evaluated += other.evaluated;
        if (other.firstError != null && (firstError == null || other.firstError.index() < firstError.index())) {
            firstError = other.firstError;
        }
    }
}
