package org.trustrepair.advisor.proof;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;

/**
 * One thread's share of the diff. Each situation is, under each rule set, either of a kind already evaluated
 * ({@link AlikeSituations}: it fires exactly the same rules, so it gets that kind's plan but for the answers written
 * into reasons) or evaluated by the engine. Its changes are those between its two plans, with its own answers in
 * the reasons.
 *
 * <p>For a situation of a known kind under both rule sets, the changes are worked out once for each pair of kinds
 * when they cannot depend on the answers, and kept: {@link Change#between(AdvicePlan, AdvicePlan)} reads the answers
 * only through the reasons it compares, and if each of those is the same template on both sides, filled with the same
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

    private Pair lastPair;
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

    /**
     * The situations of run {@code run} (those that differ only in their safety flags). Under each rule set, the
     * sets of flags fall into classes with the same bits, which fire the same rules ({@link RunReader.Run}); two
     * situations in the same class on both sides get the same two kinds. The situations of a pair of classes are
     * compared one by one until one gives changes that cannot depend on the answers; the rest of the pair take those.
     */
    @Override
    public void take(long run) {
        if (!Sweep.sampled(run, stride)) {
            return;
        }
        int sets = space.safetySetCount();
        long start = run * sets;
        RunReader.Run x = was.run(run);
        RunReader.Run y = is.run(run);
        if (x == null || y == null) {
            for (int s = 0; s < sets; s++) {
                takeOne(start, s, x, y); // a side without the shortcut has no classes: the engine on each
            }
            return;
        }
        // each set of flags' pair of classes, numbered in the order they first come
        int[] flagsPair = x.classOf().clone();
        int pairs = RunReader.refine(flagsPair, x.classes(), y.classOf());
        // the changes each pair of classes shares, once known
        RoaringBitmap[][] shared = new RoaringBitmap[pairs][];
        for (int s = 0; s < sets; s++) {
            int p = flagsPair[s];
            if (shared[p] != null) {
                partial.add((int) (start + s), false, false, shared[p]);
            } else {
                shared[p] = takeOne(start, s, x, y);
            }
        }
    }

    /**
     * Situation {@code s} of the run that starts at {@code start}, compared (its classes under each rule set in
     * {@code x} and {@code y}, null without the shortcut): its changes when they hold for every situation of its two
     * kinds (they do not depend on the answers), else null.
     */
    private RoaringBitmap[] takeOne(long start, int s, RunReader.Run x, RunReader.Run y) {
        long index = start + s;
        int i = (int) index;
        int cx = x == null ? -1 : x.classOf()[s];
        int cy = y == null ? -1 : y.classOf()[s];
        KindPlan b = was.known(x, cx);
        KindPlan a = is.known(y, cy);
        if (b == null || a == null) {
            RuleDiff.Outcome before =
                    b == null ? was.evaluate(index, x, cx) : new RuleDiff.Outcome(filled(b, was, index), null);
            RuleDiff.Outcome after =
                    a == null ? is.evaluate(index, y, cy) : new RuleDiff.Outcome(filled(a, is, index), null);
            partial.add(i, before.plan() == null, after.plan() == null, partial.sets(Change.between(before, after)));
            return null;
        }
        // neighbours in the space are often of the same pair of kinds
        Pair pair = new Pair(b, a);
        Known known = pair.equals(lastPair)
                ? lastKnown
                : pairs.computeIfAbsent(
                        pair,
                        p -> new Known(
                                KindPlan.wordingFixed(b, was.rules(), a, is.rules(), sameWords)
                                        ? changes(b, a, index)
                                        : null));
        lastPair = pair;
        lastKnown = known;
        partial.add(i, false, false, known.sets() != null ? known.sets() : changes(b, a, index));
        return known.sets();
    }

    /** The changes between the plans of two kinds, filled with the answers of situation {@code index}. */
    private RoaringBitmap[] changes(KindPlan before, KindPlan after, long index) {
        return partial.sets(Change.between(filled(before, was, index), filled(after, is, index)));
    }

    private AdvicePlan filled(KindPlan kind, DiffSide.Part side, long index) {
        return kind.filledFor(side.rules(), answers(index));
    }

    @Override
    public Partial result() {
        partial.evaluatedBefore = was.evaluated;
        partial.evaluatedAfter = is.evaluated;
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
     * This thread's set of situations for each change between two kinds' plans, the same for every situation of both;
     * null when the answers matter. A diff holds about a million of these: the changes' words are kept once, as the
     * keys of {@link Partial#bySituations}.
     */
    private record Known(RoaringBitmap[] sets) {}

    static final class Partial {
        final Map<Change, RoaringBitmap> bySituations = new HashMap<>();
        final RoaringBitmap changed = new RoaringBitmap();
        long errorsBefore;
        long errorsAfter;
        long evaluatedBefore;
        long evaluatedAfter;

        /** The set of situations of each change. */
        RoaringBitmap[] sets(List<Change> changes) {
            return changes.stream()
                    .map(c -> bySituations.computeIfAbsent(c, k -> new RoaringBitmap()))
                    .toArray(RoaringBitmap[]::new);
        }

        /** A situation, whether it has a plan under each rule set, and its changes (the set of situations of each). */
        void add(int index, boolean noPlanBefore, boolean noPlanAfter, RoaringBitmap[] sets) {
            errorsBefore += noPlanBefore ? 1 : 0;
            errorsAfter += noPlanAfter ? 1 : 0;
            if (sets.length > 0) {
                changed.add(index);
            }
            for (RoaringBitmap set : sets) {
                set.add(index);
            }
        }

        void merge(Partial other) {
            other.bySituations.forEach((c, set) ->
                    bySituations.computeIfAbsent(c, k -> new RoaringBitmap()).or(set));
            changed.or(other.changed);
            errorsBefore += other.errorsBefore;
            errorsAfter += other.errorsAfter;
            evaluatedBefore += other.evaluatedBefore;
            evaluatedAfter += other.evaluatedAfter;
        }
    }
}
