package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * Which of the rules' {@code Situation( … )} patterns ({@link SameFirings}) hold for each situation of a space, and
 * which of the guardrails' conditions on answers, read from tables made once. The patterns fall into groups by the
 * answers they read; for each role and group, the table gives the group's patterns that hold for every combination of
 * the values of those answers (each combination evaluated by the engine's probe, {@link SituationProbe}). Each
 * guardrail's conditions on answers have a table of their own, evaluated in Java: bit {@code patterns + g} holds when
 * guardrail {@code g}'s conditions hold. A situation's bits are the union of one entry per table.
 *
 * <p>Situations come in runs that differ only in their safety flags (the last of the answers an index is made of).
 * Within a run, the sets of flags fall into classes that get the same bits ({@link Run}); two runs whose tables that
 * read the flags give the same entries for every set of flags share their classes, which are worked out once.
 */
final class PatternTables {

    /** The most entries one guardrail's table may have; a guardrail that reads more answers stops the shortcut. */
    private static final long MOST_ENTRIES = 1 << 24;

    private final AnswerSpace space;
    /** How many situation patterns there are: the bits before the guardrails'. */
    private final int patterns;
    /** Each table's dimensions (in {@link AnswerSpace#DIMENSIONS} order): the pattern groups', then the guardrails'. */
    private final int[][] groupDims;
    /** By role index, table and combination of the table's value indexes: the bits that hold. */
    private final BitSet[][][] tables;
    /**
     * By role index and table that reads the safety flags, for each combination whose flags are the first set: a
     * number for the entries of the run of sets of flags that starts there (equal numbers, equal entries).
     */
    private final int[][][] slices;
    /** By slice number: the class of each set of flags ({@link #classes}). */
    private final List<int[]> sliceClasses = new ArrayList<>();

    private PatternTables(AnswerSpace space, int patterns, int[][] groupDims, BitSet[][][] tables) {
        this.space = space;
        this.patterns = patterns;
        this.groupDims = groupDims;
        this.tables = tables;
        this.slices = new int[tables.length][groupDims.length][];
        Map<List<BitSet>, Integer> numbers = new HashMap<>();
        int sets = space.safetySetCount();
        for (int role = 0; role < tables.length; role++) {
            int[] sizes = space.sizesWithin(role);
            for (int g = 0; g < groupDims.length; g++) {
                int place = safetyPlace(groupDims[g], sizes);
                if (place == 0) {
                    continue;
                }
                BitSet[] table = tables[role][g];
                int[] numbered = new int[table.length];
                for (int first = 0; first < table.length; first++) {
                    if (first / place % sets == 0) {
                        List<BitSet> slice = new ArrayList<>(sets);
                        for (int s = 0; s < sets; s++) {
                            slice.add(table[first + s * place]);
                        }
                        numbered[first] = numbers.computeIfAbsent(slice, k -> {
                            sliceClasses.add(classes(k));
                            return numbers.size();
                        });
                    }
                }
                slices[role][g] = numbered;
            }
        }
    }

    /** The tables for these patterns and guardrails over this space, made on {@code threads} threads; empty if a
     * pattern reads an answer the space does not vary, or a guardrail too many. */
    static Optional<PatternTables> of(SameFirings firings, List<Guardrail> guardrails, AnswerSpace space, int threads) {
        return of(firings, guardrails, space, threads, true);
    }

    /**
     * As above; with {@code alike} false every set of safety flags is tried for every group (for comparing: the
     * tables must be the same).
     */
    static Optional<PatternTables> of(
            SameFirings firings, List<Guardrail> guardrails, AnswerSpace space, int threads, boolean alike) {
        Map<List<Integer>, BitSet> groups = new LinkedHashMap<>();
        for (int p = 0; p < firings.patterns(); p++) {
            if (!AnswerSpace.DIMENSIONS.containsAll(firings.answersRead(p))) {
                return Optional.empty();
            }
            List<Integer> dims = Arrays.stream(AnswerSpace.dimensionsOf(firings.answersRead(p)))
                    .boxed()
                    .toList();
            groups.computeIfAbsent(dims, k -> new BitSet()).set(p);
        }
        List<BitSet> groupPatterns = new ArrayList<>(groups.values());
        int patternGroups = groupPatterns.size();
        int[][] groupDims = Stream.concat(
                        groups.keySet().stream()
                                .map(g -> g.stream().mapToInt(Integer::intValue).toArray()),
                        guardrails.stream()
                                .map(g -> AnswerSpace.dimensionsOf(g.when().answersRead())))
                .toArray(int[][]::new);
        for (int role = 0; role < space.roleCount(); role++) {
            for (int[] dims : groupDims) {
                if (combinations(dims, space.sizesWithin(role)) > MOST_ENTRIES) {
                    return Optional.empty();
                }
            }
        }
        int groupCount = groupDims.length;
        int[][] alikeSets = alike
                ? alikeSafety(firings, space, Arrays.copyOf(groupDims, patternGroups), groupPatterns)
                : new int[patternGroups][];
        BitSet[][][] tables = new BitSet[space.roleCount()][groupCount][];
        Parallel.over((long) space.roleCount() * groupCount, threads, "sweep-tables", () -> new Parallel.Part<Void>() {
            final SituationProbe probe = new SituationProbe(firings);
            final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];

            @Override
            public void take(long task) {
                int role = (int) (task / groupCount);
                int g = (int) (task % groupCount);
                int[] sizes = space.sizesWithin(role);
                int[] dims = groupDims[g];
                BitSet[] table = new BitSet[(int) combinations(dims, sizes)];
                // how far apart two combinations that differ by one in the safety flags' value index are
                int safetyPlace = safetyPlace(dims, sizes);
                // a guardrail's table holds one of two entries: its bit, or none
                BitSet yes = new BitSet();
                yes.set(firings.patterns() + g - patternGroups);
                BitSet no = new BitSet();
                Arrays.fill(coords, 0);
                for (int combination = 0; combination < table.length; combination++) {
                    int rest = combination;
                    for (int i = dims.length - 1; i >= 0; i--) {
                        coords[dims[i]] = rest % sizes[dims[i]];
                        rest /= sizes[dims[i]];
                    }
                    int safety = coords[AnswerSpace.SAFETY];
                    if (g >= patternGroups) {
                        Condition when = guardrails.get(g - patternGroups).when();
                        table[combination] = when.holdsForAnswers(space.at(role, coords)) ? yes : no;
                    } else if (alikeSets[g] != null && alikeSets[g][safety] != safety) {
                        // an earlier set of flags that these patterns cannot tell apart from this one: its entry
                        table[combination] = table[combination - (safety - alikeSets[g][safety]) * safetyPlace];
                    } else {
                        BitSet holding = probe.holding(space.at(role, coords));
                        holding.and(groupPatterns.get(g));
                        table[combination] = holding;
                    }
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
        return Optional.of(new PatternTables(space, firings.patterns(), groupDims, tables));
    }
    /**
     * For each group whose patterns read the safety flags, by value index of the flags: the first set of flags its
     * patterns' conditions on the flags cannot tell apart from this one ({@link SafetyClasses#conditions}, evaluated by
     * Drools on each set); its own index when none before it. Null for a group that does not read the flags or whose
     * conditions on them cannot be followed: each set of flags is then tried.
     */
    private static int[][] alikeSafety(
            SameFirings firings, AnswerSpace space, int[][] groupDims, List<BitSet> groupPatterns) {
        int[][] alike = new int[groupDims.length][];
        List<String> conditions = new ArrayList<>();
        BitSet[] read = new BitSet[groupDims.length];
        for (int g = 0; g < groupDims.length; g++) {
            if (Arrays.stream(groupDims[g]).noneMatch(d -> d == AnswerSpace.SAFETY)) {
                continue;
            }
            read[g] = new BitSet();
            for (int p = groupPatterns.get(g).nextSetBit(0);
                    p >= 0;
                    p = groupPatterns.get(g).nextSetBit(p + 1)) {
                List<String> own = firings.safetyConditions(p);
                if (own == null) {
                    read[g] = null;
                    break;
                }
                for (String c : own) {
                    int i = conditions.indexOf(c);
                    read[g].set(i >= 0 ? i : conditions.size());
                    if (i < 0) {
                        conditions.add(c);
                    }
                }
            }
        }
        List<BitSet> holding = SafetyClasses.holding(conditions, space.safetySets());
        for (int g = 0; holding != null && g < groupDims.length; g++) {
            if (read[g] == null) {
                continue;
            }
            Map<BitSet, Integer> first = new HashMap<>();
            alike[g] = new int[holding.size()];
            for (int s = 0; s < holding.size(); s++) {
                BitSet key = (BitSet) holding.get(s).clone();
                key.and(read[g]);
                Integer before = first.putIfAbsent(key, s);
                alike[g][s] = before == null ? s : before;
            }
        }
        return alike;
    }

    private static long combinations(int[] dims, int[] sizes) {
        long combinations = 1;
        for (int d : dims) {
            combinations *= sizes[d];
        }
        return combinations;
    }

    /** How far apart two combinations of these dimensions that differ by one set of safety flags are; 0 if none. */
    private static int safetyPlace(int[] dims, int[] sizes) {
        int place = 0;
        for (int d : dims) {
            place = d == AnswerSpace.SAFETY ? 1 : place * sizes[d];
        }
        return place;
    }

    /** The class of each entry of a slice: entries that are equal share one (numbered in the order they come). */
    private static int[] classes(List<BitSet> slice) {
        Map<BitSet, Integer> number = new HashMap<>();
        return slice.stream()
                .mapToInt(entry -> number.computeIfAbsent(entry, e -> number.size()))
                .toArray();
    }

    /**
     * Splits classes of the sets of flags ({@code classOf}, numbered from 0 in the order of their first set) by
     * another such partition: two sets stay in one class when they share a class in both. Returns the number of
     * classes.
     */
    private static int refine(int[] classOf, int count, int[] by) {
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

    /** Whether these tables say the same as another's, entry by entry. */
    boolean sameAs(PatternTables other) {
        return Arrays.deepEquals(tables, other.tables);
    }

    Reader newReader() {
        return new Reader();
    }

    /**
     * The situations of one run (the same answers but their safety flags), in classes with the same bits: for each
     * class its bits, its first set of flags and how many sets it has; and the class of each set of flags.
     */
    record Run(BitSet[] bits, int[] first, int[] size, int[] classOf, int[] samePatterns, Object[] found) {
        int classes() {
            return bits.length;
        }

        /**
         * What the reader's caller found for class {@code c} ({@link #remember}): the same for every class with the
         * same situation patterns, and for every run with the same bits, which share this object.
         */
        Object found(int c) {
            return found[samePatterns[c]];
        }

        void remember(int c, Object what) {
            found[samePatterns[c]] = what;
        }
    }

    /**
     * One thread's reading of the tables, a run at a time: the tables that do not read the safety flags are looked up
     * once per run, and the classes of the flags are worked out once for each combination of the entries of those
     * that do (at most {@link #REMEMBERED} combinations are kept, then they are worked out anew).
     */
    final class Reader {
        private static final int REMEMBERED = 4096;
        /** The value indexes of the run read last (its safety flags: the first set). */
        private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
        /** The classes of the sets of flags, by the numbers of the entries of the tables that read them. */
        private final Map<Slices, Run> classes = new HashMap<>();
        /** The runs read lately, by their bits: the tables' entries that do not read the flags, and those that do. */
        private final Map<Bits, Run> runs = new HashMap<>();

        private long lastRun = -1;
        private Run last;

        /** The bits of situation {@code index}: valid until the next call. */
        BitSet holding(long index) {
            int sets = space.safetySetCount();
            Run run = run(index / sets);
            return run.bits()[run.classOf()[(int) (index % sets)]];
        }

        /** The run numbered {@code run} (situations {@code run * sets} to {@code run * sets + sets - 1}). */
        Run run(long run) {
            if (run == lastRun) {
                return last;
            }
            lastRun = run;
            int sets = space.safetySetCount();
            space.coordinates(run * sets, coords);
            int role = coords[AnswerSpace.ROLE];
            int[] sizes = space.sizesWithin(role);
            BitSet base = new BitSet();
            List<Integer> readingFlags = new ArrayList<>();
            int[] numbers = new int[groupDims.length];
            int[] firsts = new int[groupDims.length];
            for (int g = 0; g < groupDims.length; g++) {
                int combination = 0;
                for (int d : groupDims[g]) {
                    combination = combination * sizes[d] + (d == AnswerSpace.ROLE ? 0 : coords[d]);
                }
                if (slices[role][g] == null) {
                    base.or(tables[role][g][combination]);
                } else {
                    numbers[readingFlags.size()] = slices[role][g][combination];
                    firsts[readingFlags.size()] = combination;
                    readingFlags.add(g);
                }
            }
            Slices key = new Slices(role, Arrays.copyOf(numbers, readingFlags.size()));
            last = runs.get(new Bits(base, key));
            if (last != null) {
                return last;
            }
            Run flags = classes.get(key);
            if (flags == null) {
                flags = classesOfFlags(role, readingFlags, firsts, numbers, sizes);
                if (classes.size() >= REMEMBERED) {
                    classes.clear();
                }
                classes.put(key, flags);
            }
            BitSet[] bits = new BitSet[flags.classes()];
            int[] samePatterns = new int[bits.length];
            Map<BitSet, Integer> byPatterns = new HashMap<>();
            for (int c = 0; c < bits.length; c++) {
                bits[c] = (BitSet) flags.bits()[c].clone();
                bits[c].or(base);
                samePatterns[c] = byPatterns.computeIfAbsent(bits[c].get(0, patterns), k -> byPatterns.size());
            }
            last = new Run(
                    bits, flags.first(), flags.size(), flags.classOf(), samePatterns, new Object[byPatterns.size()]);
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
        private Run classesOfFlags(int role, List<Integer> readingFlags, int[] firsts, int[] numbers, int[] sizes) {
            int[] classOf = new int[space.safetySetCount()];
            int count = 1;
            for (int i = 0; i < readingFlags.size(); i++) {
                count = refine(classOf, count, sliceClasses.get(numbers[i]));
            }
            int[] first = new int[count];
            int[] size = new int[count];
            for (int s = 0; s < classOf.length; s++) {
                if (size[classOf[s]]++ == 0) {
                    first[classOf[s]] = s;
                }
            }
            BitSet[] bits = new BitSet[count];
            for (int c = 0; c < count; c++) {
                bits[c] = new BitSet();
                for (int i = 0; i < readingFlags.size(); i++) {
                    int g = readingFlags.get(i);
                    bits[c].or(tables[role][g][firsts[i] + first[c] * safetyPlace(groupDims[g], sizes)]);
                }
            }
            return new Run(bits, first, size, classOf, null, null);
        }
    }

    /** The bits of a run: those of the tables that do not read the safety flags, and the entries of those that do. */
    private record Bits(BitSet base, Slices flags) {}

    /** A role and the numbers of the entries its tables that read the safety flags give a run: its classes' key. */
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

    /** Tells which situation patterns hold for given answers, with the engine; one session, for one thread. */
    static final class SituationProbe implements AutoCloseable {
        private final KieSession session;
        private final BitSet holding = new BitSet();

        SituationProbe(SameFirings firings) {
            session = firings.newProbeSession();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    holding.set(Integer.parseInt(
                            event.getMatch().getRule().getName().substring(1)));
                }
            });
        }

        /** The situation patterns whose conditions hold for these answers. */
        BitSet holding(Answers answers) {
            holding.clear();
            FactHandle handle = session.insert(new Situation(answers));
            session.fireAllRules();
            session.delete(handle);
            return (BitSet) holding.clone();
        }

        @Override
        public void close() {
            session.dispose();
        }
    }
}
