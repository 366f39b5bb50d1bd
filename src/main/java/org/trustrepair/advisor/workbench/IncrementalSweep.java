package org.trustrepair.advisor.workbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleChanges;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweep of an edit, made from the sweep of the rules before it: only the situations where a changed rule fired
 * before, or could fire now ({@link RuleChanges}), are evaluated again; every other situation is evaluated by
 * exactly the same rules in both rule sets and keeps what it got. The result is the full sweep's, situation by
 * situation, in the time it takes to test the changed rules' conditions on the space and evaluate the few
 * situations that pass. {@code IncrementalSweepTest} compares it with the full sweep for several edits.
 */
final class IncrementalSweep {

    /** A sweep made this way, and how many situations it evaluated again. */
    record Made(Sweep.Result result, long evaluatedAgain) {}

    private IncrementalSweep() {}

    /**
     * The sweep of {@code after}, from the detailed sweep of {@code before}; empty when the edit cannot be bounded
     * (text outside the rules changed, a changed rule's conditions cannot be read alone).
     */
    static Optional<Made> of(Sweep.Result old, RuleSet before, RuleSet after, int threads) {
        if (old.detail() == null || !old.proof()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        AnswerSpace space = AnswerSpace.of(after);
        Optional<RuleChanges.Probe> probe = RuleChanges.between(before, after);
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        // the shortcut's tables for the edited rules are made on the side while the situations to sweep are found
        CompletableFuture<Optional<AlikeSituations>> preparing =
                CompletableFuture.supplyAsync(() -> AlikeSituations.of(after, space, threads));
        // The edit may have changed the space (a new number to compare with, a value named for the first time): then
        // each situation takes what the old sweep found for the old situation that stood for it, which the rules before
        // the edit could not tell apart from it (AnswerSpace#representativeOf).
        boolean sameSpace = space.sameSituations(old.space());
        Sweep.Detail was = sameSpace ? old.detail() : pulledBack(old.detail(), space.standInsIn(old.space()));
        // where the run failed before, where a changed rule fired before (exactly; but a rule changed only in its
        // conditions acts as before wherever the old and the new conditions agree), where an added rule or one with
        // new conditions could fire now, and where a rule's old and new conditions disagree
        BitSet again = (BitSet) was.errors().clone();
        for (String rule : probe.get().changedWhereTheyFired()) {
            again.or(was.firedBy().getOrDefault(rule, new BitSet()));
        }
        if (probe.get().testsConditions()) {
            again.or(mayChange(space, probe.get(), threads));
        }
        // kinds of situation the old sweep met stay what they were where every rule they fire acts as before
        AlikeSituations alike;
        try {
            alike = preparing
                    .join()
                    .map(a -> a.carrying(old.detail().kinds(), probe.get().changedWhereTheyFired()))
                    .orElse(null);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Sweep.Result fresh = new Sweep(after, threads).runOn(space, again, alike);
        Sweep.Detail now = fresh.detail();
        // the old sweep's examples are numbered in its own space
        Map<Guardrail, Sweep.Example> oldFirst = sameSpace ? old.firstViolation() : Map.of();
        Sweep.Example oldFirstError = sameSpace ? old.firstError() : null;

        Map<Guardrail, BitSet> violating = new EnumMap<>(Guardrail.class);
        Map<Guardrail, Long> violations = new EnumMap<>(Guardrail.class);
        Map<Guardrail, Sweep.Example> first = new EnumMap<>(Guardrail.class);
        try (RuleSet.Evaluator evaluator = after.newEvaluator()) {
            for (Guardrail g : Guardrail.values()) {
                BitSet bits = kept(was.violating().get(g), again);
                bits.or(now.violating().get(g));
                violating.put(g, bits);
                violations.put(g, (long) bits.cardinality());
                int lowest = bits.nextSetBit(0);
                if (lowest >= 0) {
                    first.put(
                            g,
                            exampleAt(
                                    lowest,
                                    again,
                                    oldFirst.get(g),
                                    fresh.firstViolation().get(g),
                                    space,
                                    answers -> violation(g, answers, evaluator)));
                }
            }
            BitSet errors = kept(was.errors(), again);
            errors.or(now.errors());
            Sweep.Example firstError = null;
            int lowestError = errors.nextSetBit(0);
            if (lowestError >= 0) {
                firstError = exampleAt(
                        lowestError,
                        again,
                        oldFirstError,
                        fresh.firstError(),
                        space,
                        answers -> error(answers, evaluator));
            }
            Map<String, BitSet> firedBy = new HashMap<>();
            Map<String, Long> perRule = new TreeMap<>();
            List<String> never = new ArrayList<>();
            for (String rule : after.rules().keySet()) {
                BitSet bits = kept(was.firedBy().getOrDefault(rule, new BitSet()), again);
                bits.or(now.firedBy().getOrDefault(rule, new BitSet()));
                firedBy.put(rule, bits);
                perRule.put(rule, (long) bits.cardinality());
            }
            perRule.forEach((rule, n) -> {
                if (n == 0) {
                    never.add(rule);
                }
            });
            boolean proof =
                    !after.numberUseUnrecognised("daysElapsed") && !after.numberUseUnrecognised("apologiesMade");
            Sweep.Result result = new Sweep.Result(
                    space,
                    space.size(),
                    Duration.ofNanos(System.nanoTime() - start),
                    violations,
                    first,
                    errors.cardinality(),
                    firstError,
                    perRule,
                    never,
                    proof,
                    null,
                    new Sweep.Detail(violating, errors, firedBy, fresh.detail().kinds()),
                    fresh.evaluated());
            return Optional.of(new Made(result, again.cardinality()));
        }
    }

    /**
     * The situations a changed rule could fire for, old or new: tested with the engine once for each combination of
     * the answers its conditions read, or, when those cannot be told, on every situation.
     */
    private static BitSet mayChange(AnswerSpace space, RuleChanges.Probe probe, int threads) {
        Optional<List<String>> read = probe.answersRead();
        if (read.isPresent() && AnswerSpace.DIMENSIONS.containsAll(read.get())) {
            int[] dims = AnswerSpace.dimensionsOf(read.get());
            try (RuleChanges.Matcher matcher = probe.newMatcher()) {
                return space.where(dims, matcher::mayChange);
            }
        }
        List<BitSet> parts = Parallel.over(space.size(), threads, "sweep-probe", () -> new Parallel.Part<>() {
            final BitSet hits = new BitSet();
            final RuleChanges.Matcher matcher = probe.newMatcher();

            @Override
            public void take(long index) {
                if (matcher.mayChange(space.get(index))) {
                    hits.set((int) index);
                }
            }

            @Override
            public BitSet result() {
                return hits;
            }

            @Override
            public void close() {
                matcher.close();
            }
        });
        BitSet all = new BitSet();
        parts.forEach(all::or);
        return all;
    }

    /** What the old sweep found, for each situation of a new space: what it found for the one that stood for it. */
    private static Sweep.Detail pulledBack(Sweep.Detail old, int[] from) {
        Runs runs = Runs.of(from);
        Map<Guardrail, BitSet> violating = new EnumMap<>(Guardrail.class);
        old.violating().forEach((g, bits) -> violating.put(g, runs.pulledBack(bits)));
        Map<String, BitSet> firedBy = new HashMap<>();
        old.firedBy().forEach((rule, bits) -> firedBy.put(rule, runs.pulledBack(bits)));
        return new Sweep.Detail(violating, runs.pulledBack(old.errors()), firedBy, old.kinds());
    }

    /**
     * A new space as runs of situations whose stand-ins in the old space follow one another too: an answer that gained
     * a value or a threshold changes the numbering only between runs as long as the answers numbered below it, so
     * a set of old situations is carried over run by run rather than situation by situation.
     */
    private record Runs(int size, int[] start, int[] from, int[] length) {
        static Runs of(int[] standIn) {
            List<int[]> runs = new ArrayList<>();
            int i = 0;
            while (i < standIn.length) {
                int j = i + 1;
                while (j < standIn.length && standIn[j] == standIn[j - 1] + 1) {
                    j++;
                }
                runs.add(new int[] {i, standIn[i], j - i});
                i = j;
            }
            return new Runs(
                    standIn.length,
                    runs.stream().mapToInt(r -> r[0]).toArray(),
                    runs.stream().mapToInt(r -> r[1]).toArray(),
                    runs.stream().mapToInt(r -> r[2]).toArray());
        }

        /** The new situations whose stand-ins are in {@code old}. */
        BitSet pulledBack(BitSet old) {
            if (old.isEmpty()) {
                return new BitSet(size);
            }
            long[] was = old.toLongArray();
            long[] now = new long[(size + 63) / 64];
            for (int r = 0; r < start.length; r++) {
                copy(was, from[r], now, start[r], length[r]);
            }
            return BitSet.valueOf(now);
        }

        /** Ors bits {@code from} to {@code from + n - 1} of {@code src} into {@code dst} from bit {@code to} on. */
        private static void copy(long[] src, int from, long[] dst, int to, int n) {
            while (n > 0) {
                int chunk = Math.min(n, Math.min(64 - (from & 63), 64 - (to & 63)));
                long word = (from >>> 6) < src.length ? src[from >>> 6] >>> (from & 63) : 0;
                long mask = chunk == 64 ? -1L : (1L << chunk) - 1;
                dst[to >>> 6] |= (word & mask) << (to & 63);
                from += chunk;
                to += chunk;
                n -= chunk;
            }
        }
    }

    /** The old situations that were not evaluated again. */
    private static BitSet kept(BitSet old, BitSet again) {
        BitSet bits = (BitSet) old.clone();
        bits.andNot(again);
        return bits;
    }

    /**
     * The example at the lowest index: the fresh sweep's when that situation was evaluated again, the old sweep's when
     * it was its example too, else that situation evaluated now to say what is wrong with it.
     */
    private static Sweep.Example exampleAt(
            int index,
            BitSet again,
            Sweep.Example old,
            Sweep.Example fresh,
            AnswerSpace space,
            Function<Answers, String> problem) {
        if (again.get(index)) {
            return fresh;
        }
        if (old != null && old.index() == index) {
            return old;
        }
        Answers answers = space.get(index);
        return new Sweep.Example(index, answers, problem.apply(answers));
    }

    private static String violation(Guardrail g, Answers answers, RuleSet.Evaluator evaluator) {
        try {
            return g.violation(answers, evaluator.evaluate(answers).plan()).orElse("");
        } catch (EvaluationException e) {
            return e.getMessage();
        }
    }

    private static String error(Answers answers, RuleSet.Evaluator evaluator) {
        try {
            evaluator.evaluate(answers);
            return "";
        } catch (EvaluationException e) {
            return e.getMessage();
        }
    }
}
