package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweep's shortcut: one engine evaluation for each set of rules that fire. Which rules fire for a situation is
 * found without the engine, for rules that only add facts ({@link SameFirings#closure}): each situation's
 * {@code Situation( … )} conditions are read from tables made once, with the engine, for each combination of the
 * answers a condition reads, and the rules that fire are the closure of those conditions and the facts each rule
 * inserts. The first situation to fire a set of rules is evaluated by the engine, which must fire exactly those rules
 * (else {@link Mismatch}, and the sweep evaluates every situation instead). The next situations that fire the same
 * rules get its plan (the same steps, kinds, phases, ranks, track and texts; only the answers written into reasons
 * differ, and they cannot make a reason blank or leave a brace in it: {@link RuleSet#phrasesInert()}), and the
 * guardrails are checked on it with each situation's own answers. So every situation of the space is still checked;
 * only the engine runs fewer times.
 *
 * <p>Thread-safe: what is learnt is shared between the sweep's threads (two threads may both evaluate situations that
 * fire the same new rules; both get the same plan, and one is kept).
 */
final class AlikeSituations {

    /**
     * What every situation that fires the same rules gets: the plan (up to wording) and the rules that fired, each
     * once; with the situation patterns of the rules open for it (a situation that shares them with the last one
     * looked up fires the same rules), and for each guardrail whose promise the plan does not keep, what is wrong
     * (by guardrail; null where kept). One object for each set of rules fired, so it is its own identity (maps keyed by
     * it compare objects).
     */
    static final class SameRules {
        private final AdvicePlan plan;
        private final List<String> fired;
        private final BitSet open;
        private final String[] broken;
        /** The guardrails whose promise is broken and whose conditions on the plan hold: their answers decide. */
        private final int[] suspects;

        private SameRules(AdvicePlan plan, List<String> fired, BitSet open, List<Guardrail> guardrails) {
            this.plan = plan;
            this.fired = fired;
            this.open = open;
            this.broken = new String[guardrails.size()];
            List<Integer> suspects = new ArrayList<>();
            for (int g = 0; g < broken.length; g++) {
                broken[g] = guardrails.get(g).broken(plan).orElse(null);
                if (broken[g] != null && guardrails.get(g).when().holdsForPlan(plan)) {
                    suspects.add(g);
                }
            }
            this.suspects = suspects.stream().mapToInt(Integer::intValue).toArray();
        }

        AdvicePlan plan() {
            return plan;
        }

        List<String> fired() {
            return fired;
        }
    }

    /**
     * The closure ({@link SameFirings#closure}) disagreed with the engine on the rules that fired: the rules are not
     * what the shortcut takes them to be, and the sweep must evaluate every situation with the engine.
     */
    static final class Mismatch extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Mismatch() {
            super("the rules that fired differ from those the shortcut expected");
        }

        /** Whether this, or what a thread of a parallel run threw, is a mismatch. */
        static boolean in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Mismatch) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A guardrail's answer conditions are remembered per combination of the answers they read, up to this many. */
    private static final long MOST_REMEMBERED = 1 << 24;

    private final SameFirings firings;
    private final AnswerSpace space;
    /** The situation patterns fall into groups by the answers they read: each group's dimensions. */
    private final int[][] groupDims;
    /** By role index, group and combination of the group's value indexes: the patterns of the group that hold. */
    private final BitSet[][][] tables;

    private final Map<BitSet, SameRules> byRules = new ConcurrentHashMap<>();
    private final List<Guardrail> guardrails;
    /** The verdicts where no guardrail is broken (read only). */
    private final String[] none;
    /** By guardrail: the dimensions its answer conditions read (role aside: {@link #applies} is kept by role). */
    private final int[][] whenDims;
    /**
     * By role index and guardrail: whether its answer conditions hold, by combination of the values of
     * {@link #whenDims} (0 not known yet, 1 no, 2 yes); null where there are too many combinations to keep. Threads
     * may both work one out: they write the same value.
     */
    private final byte[][][] applies;

    private AlikeSituations(
            SameFirings firings, Guardrails guardrails, AnswerSpace space, int[][] groupDims, BitSet[][][] tables) {
        this.firings = firings;
        this.guardrails = guardrails.all();
        this.none = new String[this.guardrails.size()];
        this.space = space;
        this.groupDims = groupDims;
        this.tables = tables;
        this.whenDims = this.guardrails.stream()
                .map(g -> Arrays.stream(AnswerSpace.dimensionsOf(g.when().answersRead()))
                        .filter(d -> d != AnswerSpace.ROLE)
                        .toArray())
                .toArray(int[][]::new);
        this.applies = new byte[space.roleCount()][whenDims.length][];
        for (int role = 0; role < space.roleCount(); role++) {
            int[] sizes = space.sizesWithin(role);
            for (int g = 0; g < whenDims.length; g++) {
                long combinations = 1;
                for (int d : whenDims[g]) {
                    combinations *= sizes[d];
                }
                applies[role][g] = combinations <= MOST_REMEMBERED ? new byte[(int) combinations] : null;
            }
        }
    }

    /** The shortcut for these rules over this space, or empty when the rules do not qualify (see SameFirings). */
    static Optional<AlikeSituations> of(RuleSet rules, AnswerSpace space, int threads) {
        if (!rules.phrasesInert()) {
            return Optional.empty();
        }
        Optional<SameFirings> analysed = RulesRead.sameFirings(rules).firings();
        if (analysed.isEmpty()) {
            return Optional.empty();
        }
        SameFirings firings = analysed.get();
        Map<List<Integer>, BitSet> groups = new LinkedHashMap<>();
        for (int p = 0; p < firings.patterns(); p++) {
            if (!AnswerSpace.DIMENSIONS.containsAll(firings.answersRead(p))) {
                return Optional.empty();
            }
            List<Integer> dims = new ArrayList<>();
            for (int d : AnswerSpace.dimensionsOf(firings.answersRead(p))) {
                dims.add(d);
            }
            groups.computeIfAbsent(dims.stream().sorted().distinct().toList(), k -> new BitSet())
                    .set(p);
        }
        int[][] groupDims = groups.keySet().stream()
                .map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        List<BitSet> groupPatterns = new ArrayList<>(groups.values());
        int roles = space.roleCount();
        int groupCount = groupDims.length;
        BitSet[][][] tables = new BitSet[roles][groupCount][];
        // one table per role and group, made on the sweep's threads
        Parallel.over((long) roles * groupCount, threads, "sweep-tables", () -> new Parallel.Part<Void>() {
            final SameFirings.SituationProbe probe = new SameFirings.SituationProbe(firings);
            final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];

            @Override
            public void take(long task) {
                int role = (int) (task / groupCount);
                int g = (int) (task % groupCount);
                int[] sizes = space.sizesWithin(role);
                int[] dims = groupDims[g];
                int combinations = 1;
                for (int d : dims) {
                    combinations *= sizes[d];
                }
                BitSet[] table = new BitSet[combinations];
                Arrays.fill(coords, 0);
                for (int combination = 0; combination < combinations; combination++) {
                    int rest = combination;
                    for (int i = dims.length - 1; i >= 0; i--) {
                        coords[dims[i]] = rest % sizes[dims[i]];
                        rest /= sizes[dims[i]];
                    }
                    BitSet holding = probe.holding(space.at(role, coords));
                    holding.and(groupPatterns.get(g));
                    table[combination] = holding;
                }
                tables[role][g] = table;
            }

            @Override
            public Void result() {
                return null;
            }

            @Override
            public void close() {
                probe.close();
            }
        });
        return Optional.of(new AlikeSituations(firings, Guardrails.of(rules), space, groupDims, tables));
    }

    Finder newFinder() {
        return new Finder();
    }

    /** One thread's lookups: the situation it last looked up, and what that one fired. */
    final class Finder implements AutoCloseable {
        private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
        /** What the situations looked up lately fired, by the patterns that held (the same patterns, the same rules). */
        private final Map<BitSet, SameRules> recent = new HashMap<>();

        private SameRules last;
        private BitSet lastHolding;
        private BitSet lastClosure;

        /** The groups whose patterns read the safety flags. */
        private final int[] safetyGroups = groupsReading(AnswerSpace.SAFETY);
        /** For each of those groups: its combination in this run, with no flag set; and the place of the flags in it. */
        private final int[] withoutSafety = new int[safetyGroups.length];

        private final int[] safetyPlace = new int[safetyGroups.length];
        /** Which run of situations differing only in their flags the last one looked up was in; what the others hold. */
        private long lastRun = -1;

        private final BitSet base = new BitSet();

        /**
         * The guardrails' verdicts on situation {@code index} (the one last given to {@link #holding}), which fires
         * these rules, in file order (null where it holds): a guardrail is broken where the plan breaks its promise and
         * its conditions hold for the situation's answers.
         */
        String[] problems(SameRules rules, long index) {
            String[] problems = null;
            for (int g : rules.suspects) {
                if (applies(g, index)) {
                    if (problems == null) {
                        problems = new String[guardrails.size()];
                    }
                    problems[g] = rules.broken[g];
                }
            }
            return problems == null ? none : problems;
        }

        private boolean applies(int g, long index) {
            int role = coords[AnswerSpace.ROLE];
            byte[] known = applies[role][g];
            if (known == null) {
                return guardrails.get(g).when().holdsForAnswers(space.get(index));
            }
            int[] sizes = space.sizesWithin(role);
            int combination = 0;
            for (int d : whenDims[g]) {
                combination = combination * sizes[d] + coords[d];
            }
            if (known[combination] == 0) {
                known[combination] = guardrails.get(g).when().holdsForAnswers(space.get(index)) ? (byte) 2 : 1;
            }
            return known[combination] == 2;
        }

        /**
         * The situation patterns that hold for situation {@code index}, read from the tables. Situations come in runs
         * that differ only in their safety flags (the last of the answers an index is made of): the patterns of the
         * groups that do not read them are looked up once per run ({@link #base}), and those of the groups that do, for
         * each situation.
         */
        BitSet holding(long index) {
            int flagSets = space.safetySetCount();
            long run = index / flagSets;
            if (run != lastRun) {
                lastRun = run;
                startRun(index);
            }
            int safety = (int) (index % flagSets);
            coords[AnswerSpace.SAFETY] = safety;
            BitSet[][] byGroup = tables[coords[AnswerSpace.ROLE]];
            BitSet holding = (BitSet) base.clone();
            for (int i = 0; i < safetyGroups.length; i++) {
                holding.or(byGroup[safetyGroups[i]][withoutSafety[i] + safety * safetyPlace[i]]);
            }
            return holding;
        }

        /** Reads the answers of situation {@code index} but its safety flags, and the patterns they decide alone. */
        private void startRun(long index) {
            space.coordinates(index, coords);
            coords[AnswerSpace.SAFETY] = 0;
            int role = coords[AnswerSpace.ROLE];
            int[] sizes = space.sizesWithin(role);
            base.clear();
            int s = 0;
            for (int g = 0; g < groupDims.length; g++) {
                int combination = 0;
                int place = 0;
                for (int d : groupDims[g]) {
                    combination = combination * sizes[d] + (d == AnswerSpace.ROLE ? 0 : coords[d]);
                    place = d == AnswerSpace.SAFETY ? 1 : place * sizes[d];
                }
                if (place == 0) {
                    base.or(tables[role][g][combination]);
                } else {
                    withoutSafety[s] = combination;
                    safetyPlace[s] = place;
                    s++;
                }
            }
        }

        /**
         * What a situation whose patterns hold as given fires, if a situation that fires the same rules was evaluated;
         * null when the engine must evaluate one.
         */
        SameRules find(BitSet holding) {
            // the situation before it fired these rules: so does this one if they agree where those rules look
            if (last != null && agree(holding, lastHolding, last.open)) {
                lastHolding = holding;
                return last;
            }
            lastHolding = holding;
            last = recent.get(holding);
            if (last == null) {
                lastClosure = firings.closure(holding);
                last = byRules.get(lastClosure);
                remembered(holding);
            }
            return last;
        }

        /**
         * The rules that fire for a situation the engine evaluated, known from now on: the situation last given to
         * {@link #find}, which found none. The engine's rules fired must be those the closure found, or the shortcut
         * stops ({@link Mismatch}).
         */
        SameRules remember(BitSet holding, Evaluation evaluation) {
            BitSet closure = holding.equals(lastHolding) ? lastClosure : firings.closure(holding);
            BitSet fired = firings.rulesNamed(evaluation.firedRules());
            if (fired == null || !fired.equals(closure)) {
                throw new Mismatch();
            }
            last = byRules.computeIfAbsent(
                    fired, f -> new SameRules(evaluation.plan(), firings.names(f), firings.open(f), guardrails));
            lastHolding = holding;
            remembered(holding);
            return last;
        }

        /** Keeps what the last situation fired, for the next with the same patterns (up to 65,536, then anew). */
        private void remembered(BitSet holding) {
            if (last != null) {
                if (recent.size() >= 1 << 16) {
                    recent.clear();
                }
                recent.put(holding, last);
            }
        }

        @Override
        public void close() {
            // nothing held: the lookup's buffers are its own
        }
    }

    /** Whether a and b hold the same patterns among those given. */
    private static boolean agree(BitSet a, BitSet b, BitSet patterns) {
        BitSet differ = (BitSet) a.clone();
        differ.xor(b);
        return !differ.intersects(patterns);
    }

    /** The groups (in order) whose dimensions include this one. */
    private int[] groupsReading(int dimension) {
        return java.util.stream.IntStream.range(0, groupDims.length)
                .filter(g -> Arrays.stream(groupDims[g]).anyMatch(d -> d == dimension))
                .toArray();
    }
}
