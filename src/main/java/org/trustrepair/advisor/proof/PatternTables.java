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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the rules' {@code Situation( … )} patterns ({@link SameFirings}) hold for each situation of a space, and
 * which of the guardrails' conditions on answers, read from tables made once. The patterns fall into groups by the
 * answers they read; for each role and group, the table gives the group's patterns that hold for every combination of
 * the values of those answers (each combination evaluated by the engine's probe, {@link SituationProbe}). Each
 * guardrail's conditions on answers have a table of their own, evaluated in Java: bit {@code patterns + g} holds when
 * guardrail {@code g}'s conditions hold. A situation's bits are the union of one entry per table.
 * {@link RunReader} reads them a run of situations at a time.
 */
final class PatternTables {

    private static final Logger log = LoggerFactory.getLogger(PatternTables.class);

    /** The most entries any table (of a pattern group or a guardrail) may have; a larger one stops the shortcut. */
    private static final long MOST_ENTRIES = 1 << 24;

    final AnswerSpace space;
    /** How many situation patterns there are: the bits before the guardrails'. */
    final int patterns;
    /** Each table's dimensions (in {@link AnswerSpace#DIMENSIONS} order): the pattern groups', then the guardrails'. */
    final int[][] groupDims;
    /** By role index, table and combination of the table's value indexes: the bits that hold. */
    final BitSet[][][] tables;
    /**
     * By role index and table that reads the safety flags (null for the others): at each combination whose flags are
     * the first set, the number of its slice (the entries for every set of flags, the other answers as they are);
     * equal numbers, equal slices; numbered across all roles and tables. The other places are unused.
     */
    final int[][][] slices;
    /** By slice number: the class of each set of flags ({@link #classes}). */
    final List<int[]> sliceClasses = new ArrayList<>();

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

    /**
     * The tables for these patterns and guardrails over this space, made on {@code threads} threads; empty if a
     * pattern reads an answer the space does not vary, or a table would have more than {@link #MOST_ENTRIES} entries.
     * With {@code alike} false every set of safety flags is tried for every group (for comparing: the tables must be
     * the same).
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
                                .map(g -> AnswerSpace.dimensionsOf(g.when().answersRead(null))))
                .toArray(int[][]::new);
        for (int role = 0; role < space.roleCount(); role++) {
            for (int[] dims : groupDims) {
                if (combinations(dims, space.sizesWithin(role)) > MOST_ENTRIES) {
                    log.warn(
                            "A condition reads answers with more than {} combinations: the sweep runs the engine for"
                                    + " every situation",
                            MOST_ENTRIES);
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
            final ProbeBase.Session probe = firings.newProbeSession();
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
                BitSet no = new BitSet();
                if (g >= patternGroups) {
                    yes.set(firings.patterns() + g - patternGroups);
                }
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
                        BitSet holding = probe.fired(space.at(role, coords));
                        holding.and(groupPatterns.get(g));
                        table[combination] = holding;
                    }
                }
                tables[role][g] = table;
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
            for (int p : groupPatterns.get(g).stream().toArray()) {
                List<String> own = firings.safetyConditions(p);
                if (own == null) {
                    read[g] = null;
                    break;
                }
                for (String c : own) {
                    if (!conditions.contains(c)) {
                        conditions.add(c);
                    }
                    read[g].set(conditions.indexOf(c));
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
        return Arrays.stream(dims).mapToLong(d -> sizes[d]).reduce(1, (x, y) -> x * y);
    }

    /** How far apart two combinations of these dimensions that differ by one set of safety flags are; 0 if none. */
    static int safetyPlace(int[] dims, int[] sizes) {
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
}
