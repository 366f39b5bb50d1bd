package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * A run's classes of safety flags, read from the tables with all their shortcuts (classes kept by what decides them,
 * runs kept by their bits), say for every set of flags exactly what the tables say for that situation, on the test
 * rules.
 */
class RunReaderTest {

    @Test
    void everySetOfFlagsGetsTheBitsItsTablesGiveIt() {
        RuleSet rules = RulesFolder.fixture();
        AnswerSpace space = AnswerSpace.of(rules);
        SameFirings firings = RulesRead.sameFirings(rules).firings().orElseThrow();
        PatternTables tables =
                PatternTables.of(firings, Guardrails.of(rules).all(), space, 2).orElseThrow();
        RunReader reader = new RunReader(tables);
        long runs = space.size() / space.safetySetCount();
        // every 7th run, twice: the second time, runs and classes come from what the reader kept
        for (int pass = 0; pass < 2; pass++) {
            for (long r = pass; r < runs; r += 7) {
                assertRunAsTheTablesSay(tables, space, r, reader.run(r));
            }
        }
    }

    private static void assertRunAsTheTablesSay(PatternTables tables, AnswerSpace space, long r, RunReader.Run run) {
        int sets = space.safetySetCount();
        int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
        int[] size = new int[run.classes()];
        for (int s = 0; s < sets; s++) {
            space.coordinates(r * sets + s, coords);
            int role = coords[AnswerSpace.ROLE];
            int[] sizes = space.sizesWithin(role);
            BitSet expected = new BitSet();
            expected.set(0, tables.bits);
            for (int f = 0; f < tables.factorDims.length; f++) {
                expected.and(tables.tables[role][f][PatternTables.combination(tables.factorDims[f], sizes, coords)]);
            }
            int c = run.classOf()[s];
            assertThat(run.bits(c)).as("run %d, set of flags %d", r, s).isEqualTo(expected);
            if (size[c]++ == 0) {
                assertThat(run.first()[c]).as("the first set of class %d", c).isEqualTo(s);
            }
        }
        assertThat(size).as("run %d: the size of each class", r).containsExactly(run.size());
        assertThat(IntStream.range(0, run.classes()).mapToObj(run::bits).collect(Collectors.toSet()))
                .as("run %d: no two classes with the same bits", r)
                .hasSize(run.classes());
        for (int a = 0; a < run.classes(); a++) {
            for (int b = 0; b < run.classes(); b++) {
                boolean samePatterns =
                        run.bits(a).get(0, tables.patterns).equals(run.bits(b).get(0, tables.patterns));
                assertThat(run.flags().patternsOf()[a] == run.flags().patternsOf()[b])
                        .as("run %d: classes %d and %d share a kind exactly when their patterns are the same", r, a, b)
                        .isEqualTo(samePatterns);
                assertThat(run.patterns(a) == run.patterns(b))
                        .as(
                                "run %d: classes %d and %d have the same number exactly when their patterns are the same",
                                r, a, b)
                        .isEqualTo(samePatterns);
            }
        }
    }
}
