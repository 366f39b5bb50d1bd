package org.trustrepair.advisor.proof;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One thread's reading of the {@link PatternTables}, a run of situations at a time. Run {@code r} is situations
 * {@code r * sets} to {@code r * sets + sets - 1}: the same answers but their safety flags, which are the least
 * significant part of an index. Within a run, the sets of flags fall into classes that get the same bits ({@link Run}):
 * the tables that do not read the flags are looked up once per run, and the classes of the flags are worked out once
 * for each combination of slice numbers of those that do (at most {@link #REMEMBERED} are kept, then they are worked
 * out anew); a run with the same bits as a recent one shares its {@link Run}.
 */
final class RunReader {
    /**
     * The situations of one run (the same answers but their safety flags), in classes with the same bits: for each
     * class its bits, its first set of flags and how many sets it has; the class of each set of flags; for each class,
     * the first class with the same situation patterns ({@code samePatterns}); and, by those, what the caller found
     * ({@code found}), and the number of those patterns ({@code kinds}). The classes of flags kept by slice numbers
     * use this record too, with the bits of the tables that read the flags only, numbers for their patterns alone, and
     * no {@code found}.
     */
    record Run(
            BitSet base,
            BitSet[] flagBits,
            int[] first,
            int[] size,
            int[] classOf,
            int[] samePatterns,
            long[] kinds,
            Object[] found) {
        int classes() {
            return flagBits.length;
        }

        /** The bits of class {@code c}: those all its sets share and those of its flags (a new set each time). */
        BitSet bits(int c) {
            BitSet bits = (BitSet) flagBits[c].clone();
            bits.or(base);
            return bits;
        }

        /** Whether bit {@code bit} is set for class {@code c}, as in {@link #bits}. */
        boolean holds(int c, int bit) {
            return base.get(bit) || flagBits[c].get(bit);
        }

        /**
         * What the reader's caller found for class {@code c} ({@link #remember}): the same for every class with the
         * same situation patterns, and for every run with the same bits, which share this object; so it may depend
         * only on the class's situation patterns (its kind), not on the guardrails' bits.
         */
        Object found(int c) {
            return found[samePatterns[c]];
        }

        void remember(int c, Object what) {
            found[samePatterns[c]] = what;
        }

        /** These classes of flags in a run whose other tables give {@code base}, numbered {@code kinds}. */
        Run withBase(BitSet base, long[] kinds) {
            return new Run(base, flagBits, first, size, classOf, samePatterns, kinds, new Object[kinds.length]);
        }

        /**
         * The situation patterns of class {@code c} as a number: two classes of the runs one reader reads have the same
         * number exactly when their patterns are the same. (Spread over all 64 bits by an odd multiplier, which keeps
         * numbers apart, so that a hash map keyed by them finds them quickly.)
         */
        long patterns(int c) {
            return kinds[samePatterns[c]] * 0x9E3779B97F4A7C15L;
        }
    }

    private static final int REMEMBERED = 1 << 14;

    /** The tables read, their dimensions and slices. */
    private final PatternTables read;
    /**
     * By role index: the tables that read the safety flags, and for each how far apart two combinations that differ
     * by one set of flags are (the same for every run of the role).
     */
    private final int[][] flagTables;

    private final int[][] flagPlaces;
    /** The value indexes of the run read last (its safety flags: the first set). */
    private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
    /** The classes of the sets of flags, by role and the slice numbers of the tables that read them. */
    private final Map<Slices, Run> classes = new HashMap<>();
    /** The runs read lately, by their bits: the tables' entries that do not read the flags, and those that do. */
    private final Map<Bits, Run> runs = new HashMap<>();
    /**
     * A number for each situation patterns of the tables that do not read the flags, and for each of those that do:
     * their bits do not overlap, so two classes have the same patterns exactly when they have the same two numbers.
     */
    private final Map<BitSet, Integer> baseNumbers = new HashMap<>();

    private final Map<BitSet, Integer> flagNumbers = new HashMap<>();

    private long lastRun = -1;
    private Run last;

    RunReader(PatternTables read) {
        this.read = read;
        this.flagTables = new int[read.tables.length][];
        this.flagPlaces = new int[read.tables.length][];
        for (int role = 0; role < read.tables.length; role++) {
            int[] sizes = read.space.sizesWithin(role);
            int r = role;
            flagTables[role] = IntStream.range(0, read.groupDims.length)
                    .filter(g -> read.slices[r][g] != null)
                    .toArray();
            flagPlaces[role] = Arrays.stream(flagTables[role])
                    .map(g -> PatternTables.safetyPlace(read.groupDims[g], sizes))
                    .toArray();
        }
    }

    /** The run numbered {@code run} (situations {@code run * sets} to {@code run * sets + sets - 1}). */
    Run run(long run) {
        if (run == lastRun) {
            return last;
        }
        lastRun = run;
        int sets = read.space.safetySetCount();
        read.space.coordinates(run * sets, coords);
        int role = coords[AnswerSpace.ROLE];
        int[] sizes = read.space.sizesWithin(role);
        BitSet base = new BitSet();
        // for each table that reads the flags: the number of its slice, and its combination with the first set
        int[] numbers = new int[flagTables[role].length];
        int[] firsts = new int[numbers.length];
        int reading = 0;
        for (int g = 0; g < read.groupDims.length; g++) {
            int combination = 0;
            for (int d : read.groupDims[g]) {
                combination = combination * sizes[d] + (d == AnswerSpace.ROLE ? 0 : coords[d]);
            }
            if (read.slices[role][g] == null) {
                base.or(read.tables[role][g][combination]);
            } else {
                numbers[reading] = read.slices[role][g][combination];
                firsts[reading++] = combination;
            }
        }
        Slices key = new Slices(role, numbers);
        last = runs.get(new Bits(base, key));
        if (last != null) {
            return last;
        }
        Run flags = classes.get(key);
        if (flags == null) {
            flags = classesOfFlags(role, firsts, numbers);
            if (classes.size() >= REMEMBERED) {
                classes.clear();
            }
            classes.put(key, flags);
        }
        long number = (long) baseNumbers.computeIfAbsent(base.get(0, read.patterns), k -> baseNumbers.size()) << 32;
        long[] kinds = new long[flags.kinds().length];
        for (int k = 0; k < kinds.length; k++) {
            kinds[k] = number | flags.kinds()[k];
        }
        last = flags.withBase(base, kinds);
        if (runs.size() >= REMEMBERED) {
            runs.clear();
        }
        runs.put(new Bits(base, key), last);
        return last;
    }

    /**
     * The classes of the sets of flags for these entries of the tables that read them, whose numbers are given
     * (bits of those tables only). Their bits do not overlap, so two sets get the same bits exactly when they
     * get the same entry from each table.
     */
    private Run classesOfFlags(int role, int[] firsts, int[] numbers) {
        int[] classOf = new int[read.space.safetySetCount()];
        int count = 1;
        for (int i = 0; i < numbers.length; i++) {
            count = refine(classOf, count, read.sliceClasses.get(numbers[i]));
        }
        int[] first = new int[count];
        int[] size = new int[count];
        for (int s = 0; s < classOf.length; s++) {
            if (size[classOf[s]]++ == 0) {
                first[classOf[s]] = s;
            }
        }
        BitSet[] bits = new BitSet[count];
        int[] samePatterns = new int[count];
        Map<Integer, Integer> byPatterns = new HashMap<>();
        for (int c = 0; c < count; c++) {
            bits[c] = new BitSet();
            for (int i = 0; i < numbers.length; i++) {
                bits[c].or(read.tables[role][flagTables[role][i]][firsts[i] + first[c] * flagPlaces[role][i]]);
            }
            int number = flagNumbers.computeIfAbsent(bits[c].get(0, read.patterns), k -> flagNumbers.size());
            samePatterns[c] = byPatterns.computeIfAbsent(number, k -> byPatterns.size());
        }
        long[] kinds = new long[byPatterns.size()];
        byPatterns.forEach((number, k) -> kinds[k] = number);
        return new Run(new BitSet(), bits, first, size, classOf, samePatterns, kinds, null);
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

    /** The bits of a run: those of the tables that do not read the safety flags, and the entries of those that do. */
    private record Bits(BitSet base, Slices flags) {}

    /** A role and, for each of its tables that read the flags, the slice number a run reads: its classes' key. */
    private record Slices(int role, int[] numbers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Slices s && s.role == role && Arrays.equals(s.numbers, numbers);
        }

        @Override
        public int hashCode() {
            return role * 31 + Arrays.hashCode(numbers);
        }
    }
}
