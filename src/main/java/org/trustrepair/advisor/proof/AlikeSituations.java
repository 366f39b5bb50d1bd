package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweep's shortcut: one engine evaluation for each kind of situation, a kind being the set of rules that fire.
 * Which rules fire for a situation is found without the engine, for rules that only add facts
 * ({@link SameFirings#closure}): each situation's {@code Situation( … )} conditions are read from tables made once,
 * with the engine, for each combination of the answers a condition reads, and the rules that fire are the closure of
 * those conditions and the facts each rule inserts. The first situation of a kind is evaluated by the engine, which
 * must fire exactly those rules (else {@link Mismatch}, and the sweep evaluates every situation instead). The next
 * situations of its kind get its plan (the same steps, kinds, phases, ranks, track and texts; only the answers
 * written into reasons differ, and they cannot make a reason blank or leave a brace in it:
 * {@link RuleSet#phrasesInert()}), and the guardrails are checked on it with each situation's own answers. So every
 * situation of the space is still checked; only the engine runs fewer times.
 *
 * <p>Thread-safe: kinds are shared between the sweep's threads (two threads may both evaluate a new kind; both get
 * the same plan, and one is kept).
 */
final class AlikeSituations {

    /**
     * What every situation of a kind gets: the plan (up to wording) and the rules that fired, each once; with the situation
     * patterns of the rules open for it (a situation that shares them with the last one looked up is of its kind), and
     * for each guardrail whose promise the plan does not keep, what is wrong ({@link #broken}, by guardrail; null
     * where kept). One object for each set of rules fired, so a kind is its own identity (maps keyed by kinds compare
     * them as objects).
     */
    static final class Kind {
        private final AdvicePlan plan;
        private final List<String> fired;
        private final long[] open;
        private final String[] broken;
        /** The guardrails whose promise is broken and whose conditions on the plan hold: their answers decide. */
        private final int[] suspects;

        private Kind(AdvicePlan plan, List<String> fired, long[] open, List<Guardrail> guardrails) {
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

        long[] open() {
            return open;
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

    /** How many kinds each thread keeps by the patterns that held (a power of two). */
    private static final int RECENT = 4096;

    private final AnswerSpace space;
    private final int[][] groupDims;
    /** By role index, group and combination of the group's value indexes: the patterns of the group that hold. */
    private final long[][][][] tables;

    /** A guardrail's answer conditions are remembered per combination of the answers they read, up to this many. */
    private static final long MOST_REMEMBERED = 1 << 24;

    private final Map<Bits, Kind> byRules = new ConcurrentHashMap<>();
    private final SameFirings firings;
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
            SameFirings firings, Guardrails guardrails, AnswerSpace space, int[][] groupDims, long[][][][] tables) {
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
        int words = firings.words();
        Map<List<Integer>, long[]> groups = new LinkedHashMap<>();
        for (int p = 0; p < firings.patterns(); p++) {
            if (!AnswerSpace.DIMENSIONS.containsAll(firings.fieldsRead(p))) {
                return Optional.empty();
            }
            List<Integer> dims = new ArrayList<>();
            for (int d : AnswerSpace.dimensionsOf(firings.fieldsRead(p))) {
                dims.add(d);
            }
            long[] mask =
                    groups.computeIfAbsent(dims.stream().sorted().distinct().toList(), k -> new long[words]);
            mask[p >>> 6] |= 1L << (p & 63);
        }
        int[][] groupDims = groups.keySet().stream()
                .map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        List<long[]> groupMasks = new ArrayList<>(groups.values());
        int roles = space.roleCount();
        long[][][][] tables = new long[roles][groupDims.length][][];
        // one table per role and group, made on the sweep's threads
        int groupCount = groupDims.length;
        Parallel.over((long) roles * groupCount, threads, "sweep-tables", () -> new Parallel.Part<Void>() {
            final SameFirings.Probe probe = firings.newProbe();
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
                long[][] table = new long[combinations][];
                Arrays.fill(coords, 0);
                long[] mask = groupMasks.get(g);
                for (int combination = 0; combination < combinations; combination++) {
                    int rest = combination;
                    for (int i = dims.length - 1; i >= 0; i--) {
                        coords[dims[i]] = rest % sizes[dims[i]];
                        rest /= sizes[dims[i]];
                    }
                    long[] holding = probe.holding(space.at(role, coords));
                    for (int w = 0; w < words; w++) {
                        holding[w] &= mask[w];
                    }
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

    Part newPart() {
        return new Part();
    }

    /** One thread's use: its own probe and buffers. */
    final class Part implements AutoCloseable {
        private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
        /** The kinds of situations looked up lately, by the patterns that held (the same patterns, the same rules). */
        private final long[][] recentHolding = new long[RECENT][];

        private final Kind[] recentKind = new Kind[RECENT];
        private Kind lastKind;
        private long[] lastHolding;
        private long[] lastClosure;

        /**
         * The guardrails' verdicts on situation {@code index} (the one last given to {@link #holding}) of this kind, in
         * file order (null where it holds): a guardrail is broken where the kind's plan breaks its promise and its
         * conditions hold for the situation's answers.
         */
        String[] problems(Kind kind, long index) {
            String[] problems = null;
            for (int g : kind.suspects) {
                if (applies(g, index)) {
                    if (problems == null) {
                        problems = new String[guardrails.size()];
                    }
                    problems[g] = kind.broken[g];
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

        /** The situation patterns that hold for situation {@code index}, read from the tables. */
        long[] holding(long index) {
            space.coordinates(index, coords);
            int role = coords[AnswerSpace.ROLE];
            int[] sizes = space.sizesWithin(role);
            long[] bits = new long[firings.words()];
            for (int g = 0; g < groupDims.length; g++) {
                int combination = 0;
                for (int d : groupDims[g]) {
                    combination = combination * sizes[d] + (d == AnswerSpace.ROLE ? 0 : coords[d]);
                }
                long[] part = tables[role][g][combination];
                for (int w = 0; w < bits.length; w++) {
                    bits[w] |= part[w];
                }
            }
            return bits;
        }

        /**
         * The kind of a situation whose patterns hold as given, if a situation of that kind was evaluated; null when the engine must evaluate one.
         */
        Kind find(long[] holding) {
            // the situation before it was of a kind: it is of that kind too if they agree where that kind looks
            if (lastKind != null && agree(holding, lastHolding, lastKind.open())) {
                lastHolding = holding;
                return lastKind;
            }
            int slot = slotOf(holding);
            if (recentKind[slot] != null && Arrays.equals(recentHolding[slot], holding)) {
                lastKind = recentKind[slot];
                lastHolding = holding;
                return lastKind;
            }
            lastClosure = firings.closure(holding);
            Bits rules = new Bits(lastClosure);
            Kind kind = byRules.get(rules);
            if (kind != null) {
                recentHolding[slot] = holding;
                recentKind[slot] = kind;
            }
            lastKind = kind;
            lastHolding = holding;
            return kind;
        }

        /**
         * The kind of a situation the engine evaluated, known from now on: the situation last given to {@link #find},
         * which found none. The engine's rules fired must be those the closure found, or the shortcut stops
         * ({@link Mismatch}).
         */
        Kind remember(long[] holding, Evaluation evaluation) {
            long[] closure =
                    lastClosure != null && Arrays.equals(holding, lastHolding) ? lastClosure : firings.closure(holding);
            long[] fired = firings.rulesNamed(evaluation.firedRules());
            if (fired == null || !Arrays.equals(fired, closure)) {
                throw new Mismatch();
            }
            Bits rules = new Bits(fired);
            Kind kind = byRules.get(rules);
            if (kind == null) {
                Kind made = new Kind(evaluation.plan(), firings.names(fired), firings.open(fired), guardrails);
                Kind known = byRules.putIfAbsent(rules, made);
                kind = known != null ? known : made;
            }
            int slot = slotOf(holding);
            recentHolding[slot] = holding;
            recentKind[slot] = kind;
            lastKind = kind;
            lastHolding = holding;
            return kind;
        }

        /** A slot for the patterns that held: every bit of them mixed into the few bits a slot is chosen by. */
        private static int slotOf(long[] holding) {
            long h = 0;
            for (long word : holding) {
                h = mixed(h ^ word);
            }
            return (int) h & (RECENT - 1);
        }

        private static long mixed(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ h >>> 33;
        }

        @Override
        public void close() {
            // nothing held: the part's buffers are its own
        }
    }

    private static boolean agree(long[] a, long[] b, long[] mask) {
        for (int w = 0; w < mask.length; w++) {
            if (((a[w] ^ b[w]) & mask[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A set of rules as a mask, to key the kinds by (its hash worked out once: maps of tens of thousands). */
    static final class Bits {
        private final long[] bits;
        private final int hash;

        Bits(long[] bits) {
            this.bits = bits;
            this.hash = Arrays.hashCode(bits);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits b && b.hash == hash && Arrays.equals(b.bits, bits);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Bits" + Arrays.toString(bits);
        }
    }
}
