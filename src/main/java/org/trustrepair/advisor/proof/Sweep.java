package org.trustrepair.advisor.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * Evaluates every situation of the {@link AnswerSpace} and checks every guardrail of {@code rules/guardrails.yaml} on each plan. Splits the
 * space between threads, each with its own session. The result keeps counts and, for each broken guardrail, the
 * first situations (in space order) that break it with different plans, so the outcome does not depend on thread
 * timing.
 */
public final class Sweep {

    /** One situation that breaks something, with what. */
    public record Example(long index, Answers answers, String problem) {}

    /** What a sweep found. */
    public record Result(
            /* the space swept; worked out only when asked for (a sweep read from a proof file seldom needs it) */
            Supplier<AnswerSpace> space,
            long situations,
            Duration elapsed,
            Map<Guardrail, Long> violations,
            /* for each broken guardrail, the first situations in space order that break it, each with its own plan */
            Map<Guardrail, List<Example>> examples,
            long errors,
            Example firstError,
            Map<String, Long> situationsPerRule,
            List<String> rulesNeverFired,
            boolean proof,
            String reusedFrom,
            long evaluated,
            int threads) {

        public boolean holds() {
            return errors == 0 && violations.values().stream().allMatch(v -> v == 0);
        }

        /** Whether this outcome is that of an earlier sweep of rules with the same decisions (nothing evaluated again). */
        public boolean reused() {
            return reusedFrom != null;
        }

        /**
         * This outcome, standing for rules that decide exactly as the rules of version {@code version} did (equal
         * {@link RuleSet#decisionKey()}), which were swept.
         */
        public Result reusedFrom(String version) {
            return new Result(
                    space,
                    situations,
                    elapsed,
                    violations,
                    examples,
                    errors,
                    firstError,
                    situationsPerRule,
                    rulesNeverFired,
                    proof,
                    version,
                    0,
                    threads);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);

    private final RuleSet rules;
    private final int threads;
    private final boolean shortcut;
    private final Guardrails guardrails;

    public Sweep(RuleSet rules, int threads) {
        this(rules, threads, true);
    }

    /**
     * A sweep that evaluates one situation of each kind when the rules allow it ({@link AlikeSituations}), or, with
     * {@code shortcut} false, every situation with the engine (for comparing the two).
     */
    Sweep(RuleSet rules, int threads, boolean shortcut) {
        this.rules = rules;
        this.threads = Math.max(1, threads);
        this.shortcut = shortcut;
        this.guardrails = Guardrails.of(rules);
    }

    public Sweep(RuleSet rules) {
        this(rules, Runtime.getRuntime().availableProcessors());
    }

    public Result run() {
        return run(AnswerSpace.of(rules), 1);
    }

    /**
     * Whether a sample with this stride takes run {@code run} (the situations that differ only in their safety flags):
     * every {@code stride}-th run (every one for stride 1). A stride that shares no factor with the sizes of the answers
     * spreads the sample over all of them.
     */
    static boolean sampled(long run, int stride) {
        return run % stride == 0;
    }

    /**
     * Evaluates the runs {@link #sampled} with this stride (1 for all of them: only that is a proof; a larger stride
     * gives a quick look, for tests of the sweep itself).
     */
    public Result run(AnswerSpace space, int stride) {
        AlikeSituations alike =
                shortcut ? AlikeSituations.of(rules, space, threads, false).orElse(null) : null;
        try {
            return sweep(space, stride, alike);
        } catch (AlikeSituations.Mismatch e) {
            log.warn(
                    "The sweep's shortcut does not hold for rules {} ({}): every situation is evaluated instead",
                    rules.version(),
                    e.getMessage());
            return sweep(space, stride, null);
        }
    }

    /** The sweep itself, of the runs {@link #sampled} with this stride. */
    private Result sweep(AnswerSpace space, int stride, AlikeSituations alike) {
        long start = System.nanoTime();
        List<SweepTally> parts = Parallel.over(
                space.size() / space.safetySetCount(),
                threads,
                "guardrail-sweep",
                () -> new SweepPart(space, stride, alike));
        SweepTally total = new SweepTally(guardrails);
        parts.forEach(total::merge);
        Map<String, Long> perRule = new TreeMap<>();
        rules.rules().keySet().forEach(name -> perRule.put(name, total.fired.getOrDefault(name, new long[1])[0]));
        List<String> never = perRule.entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .toList();
        boolean proof = stride == 1
                && !RulesRead.numberUseUnrecognised(rules, "daysElapsed")
                && !RulesRead.numberUseUnrecognised(rules, "apologiesMade");
        return new Result(
                () -> space,
                total.situations,
                Duration.ofNanos(System.nanoTime() - start),
                total.violations,
                total.examples(),
                total.errors,
                total.firstError,
                perRule,
                never,
                proof,
                null,
                total.evaluated,
                threads);
    }

    /** One thread's share of the sweep: its own session and counts, and its lookups of kinds. */
    private final class SweepPart implements Parallel.Part<SweepTally> {
        private final AnswerSpace space;
        private final int sets;
        private final int stride;
        private final SweepTally partial = new SweepTally(guardrails);
        private final RuleSet.Evaluator evaluator = rules.newProofEvaluator();
        private final AlikeSituations.Finder finder;

        SweepPart(AnswerSpace space, int stride, AlikeSituations alike) {
            this.space = space;
            this.sets = space.safetySetCount();
            this.stride = stride;
            this.finder = alike == null ? null : alike.newFinder();
        }

        /** The situations of run {@code runIndex}: by class with the shortcut, else each by the engine. */
        @Override
        public void take(long runIndex) {
            if (!sampled(runIndex, stride)) {
                return;
            }
            long start = runIndex * sets;
            if (finder == null) {
                for (long index = start; index < start + sets; index++) {
                    partial.check(index, space.get(index), evaluator);
                }
                return;
            }
            RunReader.Run run = finder.run(runIndex);
            for (int c = 0; c < run.classes(); c++) {
                takeClass(start, run, c);
            }
        }

        /**
         * The situations of class {@code c} of a run (the same bits, so the same rules fire and the same guardrails'
         * conditions hold), the first of which is {@code start + run.first()[c]}: one kind, evaluated once.
         */
        private void takeClass(long start, RunReader.Run run, int c) {
            long index = start + run.first()[c];
            AlikeSituations.SameRules kind = (AlikeSituations.SameRules) run.found(c);
            kind = kind != null ? kind : finder.find(run, c);
            if (kind == null) {
                List<String> classifiedBy = new ArrayList<>();
                Evaluation evaluation = partial.evaluate(index, space.get(index), evaluator, classifiedBy);
                // no plan: each of the others is evaluated, as without the shortcut
                if (evaluation == null) {
                    int[] classOf = run.classOf();
                    for (int s = run.first()[c] + 1; s < classOf.length; s++) {
                        if (classOf[s] == c) {
                            partial.check(start + s, space.get(start + s), evaluator);
                        }
                    }
                    return;
                }
                kind = finder.remember(
                        run,
                        c,
                        evaluation,
                        guardrails.wordsWithoutAnswers(evaluation.plan(), classifiedBy, rules.rules()));
            }
            run.remember(c, kind);
            partial.record(index, space::get, finder.problems(kind, run, c), kind, run.size()[c]);
        }

        @Override
        public SweepTally result() {
            return partial.done();
        }

        @Override
        public void close() {
            evaluator.close();
        }
    }
}
