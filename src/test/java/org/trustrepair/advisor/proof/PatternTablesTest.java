package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The tables of which situation patterns hold are made once for each set of safety flags a group's patterns can tell
 * apart, and copied for the sets they cannot: the same tables as trying every set, on the test rules (a copy of the
 * rules, with safety conditions of every form they use, and a pattern with two conditions on the flags alone, which
 * count as one: {@link SafetyClasses#ofPattern}). On the real rules the same holds (2.8 s against 70.6 s, run once by
 * hand on 2026-12-06: too slow for every build).
 */
class PatternTablesTest {

    @Test
    void setsOfFlagsAPatternCannotTellApartShareTheirEntries() {
        RuleSet rules = RulesFolder.fixture();
        AnswerSpace space = AnswerSpace.of(rules);
        SameFirings firings = RulesRead.sameFirings(rules).firings().orElseThrow();

        long start = System.nanoTime();
        PatternTables shared = PatternTables.of(firings, Guardrails.of(rules).all(), space, 2, true)
                .orElseThrow();
        long middle = System.nanoTime();
        PatternTables every = PatternTables.of(firings, Guardrails.of(rules).all(), space, 2, false)
                .orElseThrow();
        long end = System.nanoTime();
        System.out.printf(
                "tables: %.1f s with shared entries, %.1f s trying every set of flags%n",
                (middle - start) / 1e9, (end - middle) / 1e9);

        assertThat(Arrays.deepEquals(shared.tables, every.tables)).isTrue();
    }
}
