package org.trustrepair.advisor.proof;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * What an edit changes: every situation either rule set can tell apart ({@link AnswerSpace#of} both) gets a plan
 * under both, and each difference between the two plans is one {@link Change}. Situations are grouped by change, each
 * group kept as the exact set of situations it covers, so that it can be said as a few answers rather than listed.
 *
 * <p>When a rule set qualifies ({@link AlikeSituations}), the engine evaluates one situation of each kind under it
 * (the same rules fire) and each situation that gets no plan; every other situation gets its kind's plan with its
 * own answers written into the reasons. The result is the same, situation by situation, as evaluating every one.
 *
 * <p>The parts, each read on its own: {@link DiffPart} (one thread's share: each situation's changes, grouped),
 * {@link DiffSide} (one rule set's kinds of situation and their plans), {@link KindPlan} (a kind's plan, refilled with
 * a situation's answers), {@link Change} (what differs between two plans). The report: {@link DiffView}.
 */
public final class RuleDiff {

    /** A change and the exact situations (indexes in the space) it applies to. */
    record Group(Change change, RoaringBitmap situations) {}

    /**
     * What the comparison found. {@code evaluatedBefore} and {@code evaluatedAfter}: how many times the engine ran under
     * each rule set (each is the number of situations when every situation is evaluated; far fewer with the shortcut).
     */
    public record Result(
            RuleSet before,
            RuleSet after,
            AnswerSpace space,
            RoaringBitmap changed,
            List<Group> groups,
            long errorsBefore,
            long errorsAfter,
            Duration elapsed,
            int threads,
            long evaluatedBefore,
            long evaluatedAfter) {}

    private final int threads;
    private final boolean shortcut;
    private final int stride;

    public RuleDiff(int threads) {
        this(threads, true, 1);
    }

    /**
     * A diff that evaluates, under each rule set, one situation of each kind when the rules allow it
     * ({@link AlikeSituations}), or, with {@code shortcut} false, every situation with the engine (for comparing the
     * two); on the runs {@link Sweep#sampled} with this stride only (1 for all: only that is a diff; more, for
     * tests of the diff).
     */
    RuleDiff(int threads, boolean shortcut, int stride) {
        this.threads = Math.max(1, threads);
        this.shortcut = shortcut;
        this.stride = stride;
    }

    public Result compare(RuleSet before, RuleSet after) {
        try {
            return compare(before, after, shortcut);
        } catch (AlikeSituations.Mismatch e) {
            // the rules are not what the shortcut takes them to be: every situation with the engine, as without it
            return compare(before, after, false);
        }
    }

    private Result compare(RuleSet before, RuleSet after, boolean shortcut) {
        AnswerSpace space = AnswerSpace.of(before, after);
        if (space.size() > Integer.MAX_VALUE) {
            throw new IllegalStateException("the answer space is too large to compare: " + space.size());
        }
        long start = System.nanoTime();
        DiffPart.Partial total = new DiffPart.Partial();
        if (!sameEverywhere(before, after)) {
            DiffSide old = new DiffSide(before, space, threads, shortcut);
            DiffSide now = new DiffSide(after, space, threads, shortcut);
            boolean sameWords = before.questionnaire().equals(after.questionnaire());
            long runs = space.size() / space.safetySetCount();
            Parallel.over(runs, threads, "rule-diff", () -> new DiffPart(space, old, now, sameWords, stride))
                    .forEach(total::merge);
        }
        // long stretches of neighbouring situations share a change: kept as runs, the sets take far less memory
        total.changed.runOptimize();
        total.bySituations.values().forEach(RoaringBitmap::runOptimize);
        List<Group> groups = total.bySituations.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Group g) -> g.change().kind())
                        .thenComparing(g -> -g.situations().getLongCardinality())
                        .thenComparing(g -> g.change().text()))
                .toList();
        return new Result(
                before,
                after,
                space,
                total.changed,
                groups,
                total.errorsBefore,
                total.errorsAfter,
                Duration.ofNanos(System.nanoTime() - start),
                threads,
                total.evaluatedBefore,
                total.evaluatedAfter);
    }

    /** A plan, or why there is none. */
    record Outcome(AdvicePlan plan, String error) {}

    /**
     * Whether every situation gets the same plan from both rule sets without evaluating any: they decide alike (the
     * same {@link DecisionKey}) and every word a plan can show is the same (the texts, and each rule's name, id,
     * reason and sources). A comment, a blank line or a moved rule changes neither.
     */
    static boolean sameEverywhere(RuleSet before, RuleSet after) {
        return planKey(before).equals(planKey(after))
                && before.catalogue().equals(after.catalogue())
                && words(before).equals(words(after));
    }

    /** The decision key without the guardrails, which decide no plan (their edit is reported as one of policy). */
    private static String planKey(RuleSet r) {
        return DecisionKey.of(
                r.drlSources(),
                RulesRead.model(r),
                r.rules(),
                r.catalogue(),
                r.maxFirings(),
                r.maxEvaluationNanos(),
                "",
                List.of());
    }

    private static Map<String, List<Object>> words(RuleSet rules) {
        Map<String, List<Object>> words = new TreeMap<>();
        rules.rules().forEach((name, r) -> words.put(name, List.of(r.id(), r.reason(), r.sources())));
        return words;
    }
}
