package org.trustrepair.advisor.workbench;

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
import org.trustrepair.advisor.advice.engine.SameFirings;

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
 * <p>Kinds an earlier sweep met can be carried over to a sweep of an edit ({@link #known()}, where every rule they
 * fire acts as before: {@link IncrementalSweep}), so that the engine evaluates only kinds never met before.
 *
 * <p>Thread-safe: kinds are shared between the sweep's threads (two threads may both evaluate a new kind; both get
 * the same plan, and one is kept).
 */
final class AlikeSituations {

    /**
     * What every situation of a kind gets: the plan (up to wording; for a kind carried from an earlier sweep, the plan
     * as the guardrails see it, {@link Guardrail#asChecked}) and the rules that fired, each once; with the situation
     * patterns of the rules open for it (a situation that shares them with the last one looked up is of its kind) and
     * the id of its plan as the guardrails see it. One object for each set of rules fired, so a kind is its own
     * identity (maps keyed by kinds compare them as objects).
     */
    static final class Kind {
        private final AdvicePlan plan;
        private final List<String> fired;
        private final long[] open;
        private final int shape;

        private Kind(AdvicePlan plan, List<String> fired, long[] open, int shape) {
            this.plan = plan;
            this.fired = fired;
            this.open = open;
            this.shape = shape;
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

        int shape() {
            return shape;
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

    /** The dimensions of the answers a guardrail check reads ({@link Guardrail#ANSWERS_CHECKED}). */
    private static final int[] CHECKED = AnswerSpace.dimensionsOf(Guardrail.ANSWERS_CHECKED);

    private final AnswerSpace space;
    private final int[][] groupDims;
    /** By role index, group and combination of the group's value indexes: the patterns of the group that hold. */
    private final long[][][][] tables;

    private final Map<Bits, Kind> byRules = new ConcurrentHashMap<>();
    private final Map<AdvicePlan, Integer> shapes = new ConcurrentHashMap<>();
    private final Map<Integer, AdvicePlan> shapeById = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger nextShape = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<Long, String[]> verdicts = new ConcurrentHashMap<>();
    /** The kinds carried from an earlier sweep, by the mask of their rules (in this rule set's order). */
    private volatile Map<Bits, AdvicePlan> carried = Map.of();

    private final SameFirings firings;

    private AlikeSituations(SameFirings firings, AnswerSpace space, int[][] groupDims, long[][][][] tables) {
        this.firings = firings;
        this.space = space;
        this.groupDims = groupDims;
        this.tables = tables;
    }

    /**
     * The kinds a sweep met, to carry to the sweep of an edit ({@link #known()}): the rules each kind fires, as a mask
     * over {@code ruleNames} (bit {@code i} for rule {@code i}), and the plan its situations get as the guardrails see
     * it ({@link Guardrail#asChecked}; kinds of one shape share one plan object).
     */
    record Known(List<String> ruleNames, Map<Bits, AdvicePlan> plans) {
        static final Known NONE = new Known(List.of(), Map.of());

        int size() {
            return plans.size();
        }
    }

    /**
     * Knowing beforehand what situations that fire each set of rules in {@code kinds} get, as the guardrails see it
     * ({@link #known()} of an earlier sweep): situations of those kinds are checked without evaluating any of them.
     * Only kinds whose rules all act as before are taken: each rule is still there, and none is one of
     * {@code actDifferently} (the rules an edit changed other than in their conditions). Before any part is made.
     */
    AlikeSituations carrying(Known kinds, java.util.Set<String> actDifferently) {
        long[] changed = firings.rulesNamed(
                actDifferently.stream().filter(firings::hasRule).toList());
        // each earlier rule's index here (-1: gone); none to work out when the rules are the same, in the same order
        List<String> names = firings.ruleNames();
        int[] moved = null;
        if (!kinds.ruleNames().equals(names)) {
            moved = new int[kinds.ruleNames().size()];
            for (int r = 0; r < moved.length; r++) {
                moved[r] = names.indexOf(kinds.ruleNames().get(r));
            }
        }
        Map<Bits, AdvicePlan> taken = new java.util.HashMap<>();
        for (Map.Entry<Bits, AdvicePlan> kind : kinds.plans().entrySet()) {
            Bits rules =
                    moved == null ? kind.getKey() : kind.getKey().moved(moved, Math.max(1, (names.size() + 63) / 64));
            if (rules != null && !intersect(rules.bits(), changed)) {
                taken.put(rules, kind.getValue());
            }
        }
        this.carried = taken;
        return this;
    }

    private static boolean intersect(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            if ((a[w] & b[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The shortcut for these rules over this space, or empty when the rules do not qualify (see SameFirings). */
    static Optional<AlikeSituations> of(RuleSet rules, AnswerSpace space, int threads) {
        if (!rules.phrasesInert()) {
            return Optional.empty();
        }
        Optional<SameFirings> analysed = rules.sameFirings().firings();
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
                java.util.Arrays.fill(coords, 0);
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
        return Optional.of(new AlikeSituations(firings, space, groupDims, tables));
    }

    /**
     * Each set of rules fired (a mask over these rules) and the plan its situations get, as the guardrails see it
     * ({@link Guardrail#asChecked}): the kinds this shortcut met, evaluated or carried, to carry to the sweep of an edit.
     */
    Known known() {
        Map<Bits, AdvicePlan> known = new java.util.HashMap<>(carried);
        byRules.forEach((rules, kind) -> known.put(rules, shapeById.get(kind.shape())));
        return new Known(firings.ruleNames(), known);
    }

    Part newPart() {
        return new Part();
    }

    /** One thread's use: its own probe and buffers. */
    final class Part implements AutoCloseable {
        private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
        /** The situation {@link #coords} stand for (-1: none yet). */
        private long lastIndex = -1;
        /** The kinds of situations looked up lately, by the patterns that held (the same patterns, the same rules). */
        private final long[][] recentHolding = new long[RECENT][];

        private final Kind[] recentKind = new Kind[RECENT];
        /** The verdicts looked up lately, by their key (as in {@link #verdicts}): most are found here, unshared. */
        private final long[] recentVerdictKeys = new long[RECENT];

        private final String[][] recentVerdicts = new String[RECENT][];
        private Kind lastKind;
        private long[] lastHolding;
        private long[] lastClosure;
        /**
         * The shapes of the carried plans this thread met, by the plan object: carried kinds of one shape share one plan
         * object ({@link #known()}), so each shape is worked out once rather than once for each kind.
         */
        private final Map<AdvicePlan, Integer> carriedShapes = new java.util.IdentityHashMap<>();

        /**
         * The guardrails' verdicts on situation {@code index} (the one last given to {@link #holding}) of this kind:
         * checked once for each plan the checks can tell apart and each combination of the answers they read.
         */
        String[] problems(Kind kind, long index) {
            int[] sizes = space.sizesWithin(coords[AnswerSpace.ROLE]);
            long key = kind.shape();
            for (int d : CHECKED) {
                key = d == AnswerSpace.ROLE ? key * space.roleCount() + coords[d] : key * sizes[d] + coords[d];
            }
            int slot = slotOf(key);
            if (recentVerdicts[slot] != null && recentVerdictKeys[slot] == key) {
                return recentVerdicts[slot];
            }
            String[] known = verdicts.get(key);
            if (known == null) {
                known = Guardrail.problems(space.get(index), kind.plan());
                verdicts.put(key, known);
            }
            recentVerdictKeys[slot] = key;
            recentVerdicts[slot] = known;
            return known;
        }

        /** The situation patterns that hold for situation {@code index}, read from the tables. */
        long[] holding(long index) {
            if (index == lastIndex + 1 && lastIndex >= 0) {
                space.advance(coords);
            } else {
                space.coordinates(index, coords);
            }
            lastIndex = index;
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
         * The kind of a situation whose patterns hold as given, if a situation of that kind was evaluated (or its kind
         * carried); null when the engine must evaluate one.
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
            if (kind == null && !carried.isEmpty()) {
                AdvicePlan plan = carried.get(rules);
                if (plan != null) {
                    Kind made = new Kind(
                            plan,
                            firings.names(lastClosure),
                            firings.open(lastClosure),
                            carriedShapes.computeIfAbsent(plan, AlikeSituations.this::shapeOf));
                    Kind known = byRules.putIfAbsent(rules, made);
                    kind = known != null ? known : made;
                }
            }
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
                Kind made = new Kind(
                        evaluation.plan(), firings.names(fired), firings.open(fired), shapeOf(evaluation.plan()));
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

        private static int slotOf(long key) {
            return (int) mixed(key) & (RECENT - 1);
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

    /** Plans the guardrails cannot tell apart ({@link Guardrail#asChecked}) share verdicts. */
    private int shapeOf(AdvicePlan plan) {
        AdvicePlan shape = Guardrail.asChecked(plan);
        Integer id = shapes.get(shape);
        if (id != null) {
            return id;
        }
        return shapes.computeIfAbsent(shape, k -> {
            int made = nextShape.getAndIncrement();
            shapeById.put(made, k);
            return made;
        });
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

        long[] bits() {
            return bits;
        }

        /** The same rules numbered otherwise ({@code moved[i]}: the new index of rule i); null if one is gone. */
        Bits moved(int[] moved, int words) {
            long[] now = new long[words];
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    int r = w * 64 + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    if (r >= moved.length || moved[r] < 0) {
                        return null;
                    }
                    now[moved[r] >>> 6] |= 1L << (moved[r] & 63);
                }
            }
            return new Bits(now);
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
