package org.trustrepair.advisor.proof;

import com.github.benmanes.caffeine.cache.Interner;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweep's shortcut: one engine evaluation for each set of rules that fire. Which rules fire for a situation is
 * found without the engine, for rules that only add facts ({@link SameFirings#closure}): which {@code Situation( … )}
 * conditions hold is read from tables made once, with the engine, for each combination of the answers a condition
 * reads ({@link PatternTables}, read a run of situations and a class of safety flags at a time by {@link RunReader}),
 * and the rules that fire are the closure of those conditions and the facts each rule inserts. The first situation to
 * fire a set of rules is evaluated by the engine, which must fire exactly those rules (else {@link Mismatch}, and the
 * sweep evaluates every situation instead). The next situations that fire the same rules get its plan (the same
 * steps, kinds, phases, ranks, track and texts; only the answers written into reasons differ, and they cannot make a
 * reason blank or leave a brace in it: {@link RuleSet#phrasesInert()}), and the guardrails are checked on it with
 * each situation's own answers (forbidden words in the reasons' own words: {@link Guardrails#wordsWithoutAnswers}; the
 * answers' words are checked by {@link AnswerWords}). Each class of a run is checked once and counted for all its
 * situations, whose bits are the same; only the engine runs fewer times.
 *
 * <p>Thread-safe: what is learnt is shared between the sweep's threads (two threads may both evaluate situations that
 * fire the same new rules; both get the same plan, and one is kept).
 */
final class AlikeSituations {

    /**
     * What every situation that fires the same rules gets: the plan (up to wording; kept for a diff only) and the
     * rules that fired; and the guardrails whose promise the plan does not keep, with what is wrong. One object for
     * each set of rules fired, so it is its own identity (maps keyed by it compare objects).
     */
    static final class SameRules {
        /**
         * Null in a sweep, which needs only what the guardrails say of it; in a diff, without the words its reasons
         * take from answers, shared by every kind with the same plan ({@link KindPlan#withoutReasons}).
         */
        private final AdvicePlan plan;

        /** The rules that fired ({@link SameFirings#closure}), named by {@link #firings}. */
        private final BitSet fired;

        private final SameFirings firings;
        /** The guardrails whose promise is broken and whose conditions on the plan hold: their answers decide. */
        private final int[] suspects;
        /** The bits of the {@link #suspects} ({@link PatternTables}: bit {@code patterns + g} for guardrail {@code g}). */
        private final BitSet suspectBits = new BitSet();
        /** For each of the {@link #suspects}: what is wrong with the plan. */
        private final String[] broken;

        private SameRules(
                AdvicePlan plan,
                AdvicePlan kept,
                BitSet fired,
                SameFirings firings,
                List<Guardrail> guardrails,
                Guardrail.Words words,
                Interner<Object> shared) {
            this.plan = kept;
            this.fired = fired;
            this.firings = firings;
            // the promise matters only where the guardrail's conditions on the plan hold; the same words for many kinds
            String[] wrong = guardrails.stream()
                    .map(g -> g.when().holdsForPlan(plan)
                            ? g.broken(plan, words)
                                    .map(w -> (String) shared.intern(w))
                                    .orElse(null)
                            : null)
                    .toArray(String[]::new);
            this.suspects = IntStream.range(0, wrong.length)
                    .filter(g -> wrong[g] != null)
                    .toArray();
            this.broken = Arrays.stream(wrong).filter(Objects::nonNull).toArray(String[]::new);
            Arrays.stream(suspects).forEach(g -> suspectBits.set(firings.patterns() + g));
        }

        /** The plan, kept for a diff ({@link #of}). */
        AdvicePlan plan() {
            if (plan == null) {
                throw new IllegalStateException("the plans of kinds were not kept");
            }
            return plan;
        }

        /** Adds {@code count} situations to each rule that fired, by name, in {@code byName}. */
        void countFired(long count, Map<String, long[]> byName) {
            fired.stream().forEach(r -> byName.computeIfAbsent(firings.name(r), name -> new long[1])[0] += count);
        }
    }

    /**
     * The closure ({@link SameFirings#closure}) disagreed with the engine on the rules that fired, or (in a diff) a
     * kind's plan filled with a situation's answers is not the engine's plan for it: the rules are not what the
     * shortcut takes them to be, and the sweep or the diff must evaluate every situation with the engine.
     */
    static final class Mismatch extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Mismatch() {
            super("the rules are not what the shortcut takes them to be");
        }
    }

    private final SameFirings firings;
    private final PatternTables tables;
    private final boolean keepPlans;

    private final Map<BitSet, SameRules> byRules = new ConcurrentHashMap<>();
    /**
     * One copy of each of the values many kinds share: what is wrong with a plan; and for a diff, each plan the kinds
     * keep, and each step, withheld item, classification and list of rule names in them (the same few hundred steps
     * recur in hundreds of thousands of plans).
     */
    private final Interner<Object> shared = Interner.newStrongInterner();

    private final List<Guardrail> guardrails;

    private AlikeSituations(SameFirings firings, List<Guardrail> guardrails, PatternTables tables, boolean keepPlans) {
        this.keepPlans = keepPlans;
        this.firings = firings;
        this.guardrails = guardrails;
        this.tables = tables;
    }

    /**
     * The shortcut for these rules over this space, keeping each kind's plan (a diff, which checks no guardrail: its
     * tables leave them out and {@link Finder#problems} finds none) or only what the guardrails say of it (a sweep);
     * empty when the rules do not qualify (see SameFirings).
     */
    static Optional<AlikeSituations> of(RuleSet rules, AnswerSpace space, int threads, boolean keepPlans) {
        if (!rules.phrasesInert()) {
            return Optional.empty();
        }
        // a diff compares plans and checks no guardrail: its classes need not tell the guardrails' conditions apart
        List<Guardrail> guardrails =
                keepPlans ? List.of() : Guardrails.of(rules).all();
        return RulesRead.sameFirings(rules)
                .firings()
                .flatMap(firings -> PatternTables.of(firings, guardrails, space, threads)
                        .map(tables -> new AlikeSituations(firings, guardrails, tables, keepPlans)));
    }

    /** The plan a kind keeps: none in a sweep, the plan without its answers' words in a diff, shared. */
    private AdvicePlan kept(AdvicePlan plan) {
        if (!keepPlans) {
            return null;
        }
        return (AdvicePlan) shared.intern(KindPlan.withoutReasons(plan, shared::intern));
    }

    /** The one copy kept of a value equal to this one (for a diff: what kinds' plans share). */
    @SuppressWarnings("unchecked")
    <T> T shared(T value) {
        return (T) shared.intern(value);
    }

    Finder newFinder() {
        return new Finder();
    }

    /** One thread's lookups: the kinds of the sets of patterns it looked up lately. */
    final class Finder {
        private static final int RECENT = 1 << 18;

        private final RunReader patterns = new RunReader(tables);
        /**
         * What the situations looked up lately fired, by the number of the patterns that held (the same patterns, the
         * same rules, {@link RunReader.Run#patterns}): one thread's memo, emptied when it holds {@link #RECENT}. A table
         * of numbers and kinds, each number at the first free place from its low bits on (the numbers are well mixed),
         * never more than half full: the sweep looks up 14 million numbers, and a {@code HashMap<Long, …>} (a boxed
         * key, three objects to reach) took a fifth of its time; a Caffeine cache was slower still
         * (docs/benchmarks.md).
         */
        private final long[] recentNumbers = new long[2 * RECENT];

        private final SameRules[] recentKinds = new SameRules[2 * RECENT];
        private int recentCount;

        /**
         * The guardrails' verdicts on the situations of class {@code c} of a run ({@link PatternTables}), which fires these rules, in
         * file order (null where it holds), or null when all hold: a guardrail is broken where the plan breaks its
         * promise and its conditions hold for the situation's answers.
         */
        String[] problems(SameRules rules, RunReader.Run run, int c) {
            if (!run.holdsAny(c, rules.suspectBits)) {
                return null;
            }
            String[] problems = null;
            for (int i = 0; i < rules.suspects.length; i++) {
                int g = rules.suspects[i];
                if (run.holds(c, firings.patterns() + g)) {
                    if (problems == null) {
                        problems = new String[guardrails.size()];
                    }
                    problems[g] = rules.broken[i];
                }
            }
            return problems;
        }

        /** The situations of run {@code run}, in classes with the same bits ({@link RunReader.Run}). */
        RunReader.Run run(long run) {
            return patterns.run(run);
        }

        /**
         * What the situations of class {@code c} of a run fire, if a situation that fires the same rules was evaluated;
         * null when the engine must evaluate one.
         */
        SameRules find(RunReader.Run run, int c) {
            long patterns = run.patterns(c);
            SameRules found = recentKinds[place(patterns)];
            if (found == null) {
                found = byRules.get(firings.closure(run.bits(c)));
                remember(patterns, found);
            }
            return found;
        }

        /**
         * The rules that fire for a situation of class {@code c} of a run that the engine evaluated, known from now on,
         * with its plan's {@code words} for the guardrails (null in a diff, which has none). The engine's rules fired
         * must be those the closure found, or the shortcut stops ({@link Mismatch}).
         */
        SameRules remember(RunReader.Run run, int c, Evaluation evaluation, Guardrail.Words words) {
            long patterns = run.patterns(c);
            BitSet closure = firings.closure(run.bits(c));
            BitSet fired = firings.rulesNamed(evaluation.firedRules());
            if (fired == null || !fired.equals(closure)) {
                throw new Mismatch();
            }
            SameRules kind = byRules.computeIfAbsent(
                    fired,
                    f -> new SameRules(
                            evaluation.plan(), kept(evaluation.plan()), f, firings, guardrails, words, shared));
            remember(patterns, kind);
            return kind;
        }

        /** Keeps what a situation fired, for the next with the same patterns (up to {@link #RECENT}, then anew). */
        private void remember(long patterns, SameRules kind) {
            if (kind == null) {
                return;
            }
            if (recentCount >= RECENT) {
                Arrays.fill(recentKinds, null);
                recentCount = 0;
            }
            int place = place(patterns);
            if (recentKinds[place] == null) {
                recentCount++;
            }
            recentNumbers[place] = patterns;
            recentKinds[place] = kind;
        }

        /** Where these patterns' kind is kept, or the free place where it would go. */
        private int place(long patterns) {
            int last = recentNumbers.length - 1;
            int place = (int) patterns & last;
            while (recentKinds[place] != null && recentNumbers[place] != patterns) {
                place = (place + 1) & last;
            }
            return place;
        }
    }
}
