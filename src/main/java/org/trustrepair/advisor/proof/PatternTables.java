package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * Which of the rules' {@code Situation( … )} patterns ({@link SameFirings}) hold for each situation of a space, read
 * from tables made once with the engine. The patterns fall into groups by the answers they read; for each role and
 * group, the table gives the group's patterns that hold for every combination of the values of those answers (each
 * combination evaluated by the engine's probe, {@link SituationProbe}). A situation's patterns are then
 * the union of one entry per group.
 */
final class PatternTables {

    private final AnswerSpace space;
    /** Each group's dimensions (in {@link AnswerSpace#DIMENSIONS} order). */
    private final int[][] groupDims;
    /** By role index, group and combination of the group's value indexes: the patterns of the group that hold. */
    private final BitSet[][][] tables;

    private PatternTables(AnswerSpace space, int[][] groupDims, BitSet[][][] tables) {
        this.space = space;
        this.groupDims = groupDims;
        this.tables = tables;
    }

    /** The tables for these patterns over this space, made on {@code threads} threads; empty if a pattern reads an
     * answer the space does not vary. */
    static Optional<PatternTables> of(SameFirings firings, AnswerSpace space, int threads) {
        return of(firings, space, threads, true);
    }

    /**
     * As above; with {@code alike} false every set of safety flags is tried for every group (for comparing: the
     * tables must be the same).
     */
    static Optional<PatternTables> of(SameFirings firings, AnswerSpace space, int threads, boolean alike) {
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
        int[][] groupDims = groups.keySet().stream()
                .map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        List<BitSet> groupPatterns = new ArrayList<>(groups.values());
        int groupCount = groupDims.length;
        int[][] alikeSets = alike ? alikeSafety(firings, space, groupDims, groupPatterns) : new int[groupDims.length][];
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
                BitSet[] table = new BitSet[combinations(dims, sizes)];
                // how far apart two combinations that differ by one in the safety flags' value index are
                int safetyPlace = 1;
                for (int i = dims.length - 1; i >= 0 && dims[i] != AnswerSpace.SAFETY; i--) {
                    safetyPlace *= sizes[dims[i]];
                }
                Arrays.fill(coords, 0);
                for (int combination = 0; combination < table.length; combination++) {
                    int rest = combination;
                    for (int i = dims.length - 1; i >= 0; i--) {
                        coords[dims[i]] = rest % sizes[dims[i]];
                        rest /= sizes[dims[i]];
                    }
                    int safety = coords[AnswerSpace.SAFETY];
                    if (alikeSets[g] != null && alikeSets[g][safety] != safety) {
                        // an earlier set of flags that these patterns cannot tell apart from this one: its entry
                        table[combination] = table[combination - (safety - alikeSets[g][safety]) * safetyPlace];
                        continue;
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
        return Optional.of(new PatternTables(space, groupDims, tables));
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

    private static int combinations(int[] dims, int[] sizes) {
        int combinations = 1;
        for (int d : dims) {
            combinations *= sizes[d];
        }
        return combinations;
    }

    /** Whether these tables say the same as another's, entry by entry. */
    boolean sameAs(PatternTables other) {
        return Arrays.deepEquals(tables, other.tables);
    }

    Reader newReader() {
        return new Reader();
    }

    /**
     * One thread's reading of the tables. Situations come in runs that differ only in their safety flags (the last of
     * the answers an index is made of): the patterns of the groups that do not read them are looked up once per run
     * ({@link #base}), and those of the groups that do, for each situation.
     */
    final class Reader {
        /** The value indexes of the situation read last. */
        private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
        /** The groups whose patterns read the safety flags. */
        private final int[] safetyGroups = IntStream.range(0, groupDims.length)
                .filter(g -> Arrays.stream(groupDims[g]).anyMatch(d -> d == AnswerSpace.SAFETY))
                .toArray();
        /** For each of those groups: its combination in this run, with no flag set; and the place of the flags in it. */
        private final int[] withoutSafety = new int[safetyGroups.length];

        private final int[] safetyPlace = new int[safetyGroups.length];
        /** Which run the last situation read was in; the patterns of the groups that do not read the flags there. */
        private long lastRun = -1;

        private final BitSet base = new BitSet();
        private final BitSet current = new BitSet();

        /** The situation patterns that hold for situation {@code index}; the set is reused: valid until the next call. */
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
            current.clear();
            current.or(base);
            for (int i = 0; i < safetyGroups.length; i++) {
                current.or(byGroup[safetyGroups[i]][withoutSafety[i] + safety * safetyPlace[i]]);
            }
            return current;
        }

        /** The value indexes of the situation last given to {@link #holding} (read only). */
        int[] coordinates() {
            return coords;
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
