package org.trustrepair.advisor.proof;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;

/**
 * One thread's share of the diff. Each situation is, under each rule set, either of a kind already evaluated
 * ({@link AlikeSituations}: it fires exactly the same rules, so it gets that kind's plan but for the answers written
 * into reasons) or evaluated by the engine. Its changes are those between its two plans, with its own answers in
 * the reasons.
 *
 * <p>For a situation of a known kind under both rule sets, the changes are worked out once for each pair of kinds
 * when they cannot depend on the answers, and kept: {@link Change#between(AdvicePlan, AdvicePlan)} reads the answers only
 * through the reasons it compares, and if each of those is the same template on both sides, filled with the same
 * words for the answers, the two reasons are equal whatever the answers ({@link KindPlan#wordingFixed}). Otherwise each
 * situation's two plans are made again with its own answers ({@link KindPlan#filledFor}) and compared.
 */
final class DiffPart implements Parallel.Part<DiffPart.Partial> {
    private final AnswerSpace space;
    private final Partial partial = new Partial();
    private final DiffSide.Part was;
    private final DiffSide.Part is;
    private final boolean sameWords;
    private final int stride;
    /** By pair of kinds (before, after): the changes, when the answers cannot change them. */
    private final Map<Pair, Known> pairs = new HashMap<>();

    private KindPlan lastBefore;
    private KindPlan lastAfter;
    private Known lastKnown;
    private long answersIndex = -1;
    private Answers answers;

    DiffPart(AnswerSpace space, DiffSide old, DiffSide now, boolean sameWords, int stride) {
        this.space = space;
        this.stride = stride;
        this.sameWords = sameWords;
        this.was = old.newPart(this::answers);
        this.is = now.newPart(this::answers);
    }

    /** The situation's answers, made at most once per situation, and only when needed. */
    private Answers answers(long index) {
        if (index != answersIndex) {
            answers = space.get(index);
            answersIndex = index;
        }
        return answers;
    }

    @Override
    public void take(long index) {
        if (!Sweep.sampled(index, stride)) {
            return;
        }
        int i = (int) index;
        KindPlan b = was.look(index);
        RuleDiff.Outcome ob = b == null ? was.outcome() : null;
        KindPlan a = is.look(index);
        RuleDiff.Outcome oa = a == null ? is.outcome() : null;
        if (b != null && a != null) {
            Known known = b == lastBefore && a == lastAfter ? lastKnown : pairs.get(new Pair(b, a));
            if (known == null) {
                known = new Known(
                        KindPlan.wordingFixed(b, was.rules(), a, is.rules(), sameWords)
                                ? Change.between(
                                        b.filledFor(was.rules(), answers(index)),
                                        a.filledFor(is.rules(), answers(index)))
                                : null);
                pairs.put(new Pair(b, a), known);
            }
            // neighbours in the space are often of the same pair of kinds
            lastBefore = b;
            lastAfter = a;
            lastKnown = known;
            if (!known.answersMatter()) {
                partial.add(i, false, false, known);
                return;
            }
            partial.add(
                    i,
                    false,
                    false,
                    Change.between(b.filledFor(was.rules(), answers(index)), a.filledFor(is.rules(), answers(index))));
            return;
        }
        RuleDiff.Outcome x = ob != null ? ob : new RuleDiff.Outcome(b.filledFor(was.rules(), answers(index)), null);
        RuleDiff.Outcome y = oa != null ? oa : new RuleDiff.Outcome(a.filledFor(is.rules(), answers(index)), null);
        partial.add(i, x.plan() == null, y.plan() == null, Change.between(x, y));
    }

    @Override
    public Partial result() {
        partial.evaluatedBefore = was.evaluated();
        partial.evaluatedAfter = is.evaluated();
        return partial;
    }

    @Override
    public void close() {
        was.close();
        is.close();
    }

    /** Two kinds' plans, before and after (compared by identity: each kind has one). */
    private record Pair(KindPlan before, KindPlan after) {}

    /**
     * The changes between two kinds' plans, the same for every situation of both; null when answers matter. Once this
     * thread's set of situations for each change is looked up, only the sets are kept (a diff holds about a million
     * of these; their changes' words are kept once, as the keys of {@link Partial#bySituations}).
     */
    private static final class Known {
        private List<Change> changes;
        private final boolean answersMatter;
        private BitSet[] sets;

        Known(List<Change> changes) {
            this.changes = changes;
            this.answersMatter = changes == null;
        }

        boolean answersMatter() {
            return answersMatter;
        }

        /** This thread's set of situations for each change. */
        BitSet[] sets(Map<Change, BitSet> bySituations) {
            if (sets == null) {
                sets = changes.stream()
                        .map(c -> bySituations.computeIfAbsent(c, k -> new BitSet()))
                        .toArray(BitSet[]::new);
                changes = null;
            }
            return sets;
        }
    }

    static final class Partial {
        final Map<Change, BitSet> bySituations = new HashMap<>();
        final BitSet changed = new BitSet();
        long errorsBefore;
        long errorsAfter;
        long evaluatedBefore;
        long evaluatedAfter;

        void add(int index, boolean noPlanBefore, boolean noPlanAfter, List<Change> changes) {
            if (noPlanBefore) {
                errorsBefore++;
            }
            if (noPlanAfter) {
                errorsAfter++;
            }
            if (!changes.isEmpty()) {
                changed.set(index);
                for (Change c : changes) {
                    bySituations.computeIfAbsent(c, k -> new BitSet()).set(index);
                }
            }
        }

        /** A situation with both plans, whose changes are those of its pair of kinds. */
        void add(int index, boolean noPlanBefore, boolean noPlanAfter, Known known) {
            BitSet[] sets = known.sets(bySituations);
            if (noPlanBefore) {
                errorsBefore++;
            }
            if (noPlanAfter) {
                errorsAfter++;
            }
            if (sets.length > 0) {
                changed.set(index);
                for (BitSet set : sets) {
                    set.set(index);
                }
            }
        }

        void merge(Partial other) {
            other.bySituations.forEach((c, set) ->
                    bySituations.computeIfAbsent(c, k -> new BitSet()).or(set));
            changed.or(other.changed);
            errorsBefore += other.errorsBefore;
            errorsAfter += other.errorsAfter;
            evaluatedBefore += other.evaluatedBefore;
            evaluatedAfter += other.evaluatedAfter;
        }
    }
}
