package org.trustrepair.advisor.proof;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * One thread's reading of the {@link PatternTables}, a run of situations at a time. Run {@code r} is situations
 * {@code r * sets} to {@code r * sets + sets - 1}: the same answers but their safety flags, which are the least
 * significant part of an index. The factors that do not read the flags give the run's {@code base} (their
 * intersection); the bits with a condition on the flags ({@link PatternTables#readFlags}) may differ from one set of
 * flags to the next, and the sets fall into classes that get the same bits ({@link Run}). The classes depend only on
 * the run's role, the combinations its factors that read the flags are at, and which of the bits that read the flags
 * its base leaves set: they are worked out once for each (at most {@link #REMEMBERED} are kept, then they are worked
 * out anew); a run with the same bits as a recent one shares its {@link Run}.
 */
final class RunReader {
    /**
     * The sets of flags of a run, in classes with the same bits among those that read the flags ({@code flagBits}), as
     * decided by the run's role, combinations and base ({@link Flags}): kept for many runs. For each class, its first
     * set of flags and how many sets it has; the class of each set of flags; for each class, the first class with the
     * same situation patterns ({@code patternsOf}), and for each of those a number for its patterns ({@code
     * flagNumbers}).
     */
    record FlagClasses(
            BitSet[] flagBits, int[] first, int[] size, int[] classOf, int[] patternsOf, long[] flagNumbers) {}

    /**
     * The situations of one run (the same answers but their safety flags), in classes with the same bits: the bits
     * that do not read the flags ({@code base}, the same for all; they never overlap the flag bits) and, for each
     * class, those of its {@link FlagClasses}. By the classes' situation patterns: their numbers in this run ({@code
     * patternNumbers}: the base's and the flags' together) and what the caller found for them ({@code found}).
     */
    record Run(BitSet base, FlagClasses flags, long[] patternNumbers, Object[] found) {
        int classes() {
            return flags.flagBits().length;
        }

        int[] classOf() {
            return flags.classOf();
        }

        int[] first() {
            return flags.first();
        }

        int[] size() {
            return flags.size();
        }

        /** The bits of class {@code c}: those all its sets share and those of its flags (a new set each time). */
        BitSet bits(int c) {
            BitSet bits = (BitSet) flags.flagBits()[c].clone();
            bits.or(base);
            return bits;
        }

        /** Whether any of these bits is set for class {@code c}, as in {@link #bits}. */
        boolean holdsAny(int c, BitSet any) {
            return base.intersects(any) || flags.flagBits()[c].intersects(any);
        }

        /** Whether bit {@code bit} is set for class {@code c}, as in {@link #bits}. */
        boolean holds(int c, int bit) {
            return base.get(bit) || flags.flagBits()[c].get(bit);
        }

        /**
         * What the reader's caller found for class {@code c} ({@link #remember}): the same for every class with the
         * same situation patterns, and for every run with the same bits, which share this object; so it may depend
         * only on the class's situation patterns (its kind), not on the guardrails' bits.
         */
        Object found(int c) {
            return found[flags.patternsOf()[c]];
        }

        void remember(int c, Object what) {
            found[flags.patternsOf()[c]] = what;
        }

        /**
         * The situation patterns of class {@code c} as a number: two classes of the runs one reader reads have the same
         * number exactly when their patterns are the same. (Its bits mixed as MurmurHash3's finalizer mixes them, a
         * one-to-one map that keeps numbers apart, so that a hash map keyed by them finds them quickly.)
         */
        long patterns(int c) {
            long x = patternNumbers[flags.patternsOf()[c]];
            x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
            x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return x ^ (x >>> 33);
        }
    }

    private static final int REMEMBERED = 1 << 14;

    private final PatternTables read;
    /** By role index: the factors that read the safety flags, and for each how far apart two sets of flags are. */
    private final int[][] flagFactors;

    private final int[][] flagPlaces;
    /** By role index: the other factors. */
    private final int[][] otherFactors;
    /** The value indexes of the run read last (its safety flags: the first set). */
    private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
    /** The classes of the sets of flags by every bit that reads them, by role and combinations ({@link #everyFlagBit}). */
    private final Map<Combinations, Partition> everyFlagBit = new HashMap<>();
    /** The classes of the sets of flags, by what decides them ({@link Flags}). */
    private final Map<Flags, FlagClasses> classes = new HashMap<>();
    /** The runs read lately, by their bits: those that do not read the flags, and what decides the others. */
    private final Map<Bits, Run> runs = new HashMap<>();
    /**
     * A number for each set of situation patterns among the bits that do not read the flags, and for each among those
     * that do: the two never overlap, so two classes have the same patterns exactly when they have the same two numbers.
     * Never emptied, unlike the maps above: the finder's memo of recent kinds ({@link AlikeSituations.Finder}) is keyed
     * by these numbers, so a number must mean the same patterns for the whole sweep.
     */
    private final Map<BitSet, Integer> baseNumbers = new HashMap<>();

    private final Map<BitSet, Integer> flagNumbers = new HashMap<>();

    RunReader(PatternTables read) {
        this.read = read;
        int roles = read.tables.length;
        this.flagFactors = new int[roles][];
        this.flagPlaces = new int[roles][];
        this.otherFactors = new int[roles][];
        for (int role = 0; role < roles; role++) {
            int[] sizes = read.space.sizesWithin(role);
            flagFactors[role] = IntStream.range(0, read.factorDims.length)
                    .filter(f -> PatternTables.safetyPlace(read.factorDims[f], sizes) > 0)
                    .toArray();
            otherFactors[role] = IntStream.range(0, read.factorDims.length)
                    .filter(f -> PatternTables.safetyPlace(read.factorDims[f], sizes) == 0)
                    .toArray();
            flagPlaces[role] = Arrays.stream(flagFactors[role])
                    .map(f -> PatternTables.safetyPlace(read.factorDims[f], sizes))
                    .toArray();
        }
    }

    /** The run numbered {@code run} (situations {@code run * sets} to {@code run * sets + sets - 1}). */
    Run run(long run) {
        int sets = read.space.safetySetCount();
        read.space.coordinates(run * sets, coords);
        int role = coords[AnswerSpace.ROLE];
        int[] sizes = read.space.sizesWithin(role);
        BitSet[][] tables = read.tables[role];
        BitSet all = new BitSet(read.bits);
        all.set(0, read.bits);
        for (int f : otherFactors[role]) {
            all.and(tables[f][PatternTables.combination(read.factorDims[f], sizes, coords)]);
        }
        BitSet base = (BitSet) all.clone();
        base.andNot(read.readFlags);
        all.and(read.readFlags);
        int[] combinations = new int[flagFactors[role].length];
        for (int i = 0; i < combinations.length; i++) {
            combinations[i] = PatternTables.combination(read.factorDims[flagFactors[role][i]], sizes, coords);
        }
        Flags key = new Flags(new Combinations(role, combinations), all);
        Bits bits = new Bits(base, key);
        Run known = runs.get(bits);
        if (known != null) {
            return known;
        }
        FlagClasses flags = classes.get(key);
        if (flags == null) {
            flags = classesOfFlags(key);
            if (classes.size() >= REMEMBERED) {
                classes.clear();
            }
            classes.put(key, flags);
        }
        long number = (long) baseNumbers.computeIfAbsent(base.get(0, read.patterns), k -> baseNumbers.size()) << 32;
        long[] numbers = new long[flags.flagNumbers().length];
        for (int k = 0; k < numbers.length; k++) {
            numbers[k] = number | flags.flagNumbers()[k];
        }
        Run made = new Run(base, flags, numbers, new Object[numbers.length]);
        if (runs.size() >= REMEMBERED) {
            runs.clear();
        }
        runs.put(bits, made);
        return made;
    }

    /**
     * The classes of the sets of flags of runs with this key: the bits that read the flags, as the base leaves them
     * ({@code readFlags}) and each factor that reads the flags gives them.
     */
    private FlagClasses classesOfFlags(Flags key) {
        Partition unmasked = everyFlagBit.computeIfAbsent(key.at(), this::everyFlagBit);
        // classes of every flag bit whose bits agree on those the base leaves set are one
        Partition merged = Partition.of(unmasked.bits().length, u -> {
            BitSet bits = (BitSet) unmasked.bits()[u].clone();
            bits.and(key.readFlags());
            return bits;
        });
        int count = merged.bits().length;
        BitSet[] bits = merged.bits();
        int[] classOf =
                Arrays.stream(unmasked.classOf()).map(u -> merged.classOf()[u]).toArray();
        int[] first = new int[count];
        int[] size = new int[count];
        for (int s = 0; s < classOf.length; s++) {
            if (size[classOf[s]]++ == 0) {
                first[classOf[s]] = s;
            }
        }
        int[] patternsOf = new int[count];
        Map<Integer, Integer> byPatterns = new HashMap<>();
        for (int c = 0; c < count; c++) {
            int number = flagNumbers.computeIfAbsent(bits[c].get(0, read.patterns), k -> flagNumbers.size());
            patternsOf[c] = byPatterns.computeIfAbsent(number, k -> byPatterns.size());
        }
        long[] numbers = new long[byPatterns.size()];
        byPatterns.forEach((number, k) -> numbers[k] = number);
        return new FlagClasses(bits, first, size, classOf, patternsOf, numbers);
    }

    /**
     * The classes of the sets of flags by every bit that reads them, as the factors that read them give those bits at
     * these combinations (the base not applied): worked out once for each role and combinations, and merged for each
     * base by {@link #classesOfFlags}.
     */
    private Partition everyFlagBit(Combinations at) {
        int role = at.role();
        return Partition.of(read.space.safetySetCount(), s -> {
            BitSet bits = (BitSet) read.readFlags.clone();
            for (int i = 0; i < flagFactors[role].length; i++) {
                bits.and(read.tables[role][flagFactors[role][i]][at.combinations()[i] + s * flagPlaces[role][i]]);
            }
            return bits;
        });
    }

    /**
     * Splits classes of the sets of flags ({@code classOf}, numbered from 0 in the order of their first set) by
     * another such partition: two sets stay in one class when they share a class in both. Returns the number of
     * classes.
     */
    static int refine(int[] classOf, int count, int[] by) {
        int byCount = Arrays.stream(by).max().orElse(0) + 1;
        int[] number = new int[count * byCount];
        int next = 0;
        for (int s = 0; s < classOf.length; s++) {
            int both = classOf[s] * byCount + by[s];
            if (number[both] == 0) {
                number[both] = ++next;
            }
            classOf[s] = number[both] - 1;
        }
        return next;
    }

    /** The bits of a run: those that do not read the flags, and what decides the others. */
    private record Bits(BitSet base, Flags flags) {}

    /**
     * Items {@code 0} to {@code n - 1} in classes with the same bits: the class of each item, and the bits of each class
     * (numbered in the order of their first item).
     */
    private record Partition(int[] classOf, BitSet[] bits) {
        static Partition of(int n, IntFunction<BitSet> bitsOf) {
            int[] classOf = new int[n];
            Map<BitSet, Integer> numbered = new HashMap<>();
            for (int i = 0; i < n; i++) {
                classOf[i] = numbered.computeIfAbsent(bitsOf.apply(i), b -> numbered.size());
            }
            BitSet[] bits = new BitSet[numbered.size()];
            numbered.forEach((b, c) -> bits[c] = b);
            return new Partition(classOf, bits);
        }
    }

    /** A role, and the combination (at the first set of flags) of each of its factors that read the flags. */
    private record Combinations(int role, int[] combinations) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Combinations c && c.role == role && Arrays.equals(c.combinations, combinations);
        }

        @Override
        public int hashCode() {
            return role * 31 + Arrays.hashCode(combinations);
        }
    }

    /**
     * What decides a run's classes of flags: its role and combinations, and the bits that read the flags as the other
     * factors leave them.
     */
    private record Flags(Combinations at, BitSet readFlags) {}
}
