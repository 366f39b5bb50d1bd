package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The tables test each condition on the few answers it reads alone, and a situation's bits are the intersection of
 * one entry per factor: the same bits as testing each whole pattern with the engine (a probe of the pattern as
 * written) and each guardrail's whole condition on answers, on the test rules (a copy of the rules, with safety
 * conditions of every form they use, conditions on two answers at once and guardrails with anyOf groups).
 */
class PatternTablesTest {

    @Test
    void theIntersectionOfTheFactorsIsWhatEachWholePatternAndGuardrailSays() {
        RuleSet rules = RulesFolder.fixture();
        AnswerSpace space = AnswerSpace.of(rules);
        SameFirings firings = RulesRead.sameFirings(rules).firings().orElseThrow();
        List<Guardrail> guardrails = Guardrails.of(rules).all();
        PatternTables tables = PatternTables.of(firings, guardrails, space, 2).orElseThrow();
        RuleModel model = RulesRead.model(rules);
        List<RuleModel.FactPattern> patterns = model.rules().stream()
                .flatMap(r -> r.patterns().stream())
                .filter(RuleModel.FactPattern::isSituation)
                .toList();
        assertThat(patterns).hasSize(tables.patterns);
        assertThat(tables.factorDims.length)
                .as("conditions on different answers are tested apart")
                .isGreaterThan(5);

        try (ProbeBase.Session whole = new ProbeBase.Session(wholePatterns(model, patterns))) {
            int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
            int checked = 0;
            // every 97th situation: a prime stride reaches every value of every answer
            for (long index = 0; index < space.size(); index += 97) {
                Answers answers = space.get(index);
                space.coordinates(index, coords);
                int role = coords[AnswerSpace.ROLE];
                BitSet intersection = new BitSet();
                intersection.set(0, tables.bits);
                for (int f = 0; f < tables.factorDims.length; f++) {
                    intersection.and(tables.tables[role][f][
                            PatternTables.combination(tables.factorDims[f], space.sizesWithin(role), coords)]);
                }
                BitSet expected = whole.fired(answers);
                for (int g = 0; g < guardrails.size(); g++) {
                    if (guardrails.get(g).when().holdsForAnswers(answers)) {
                        expected.set(tables.patterns + g);
                    }
                }
                assertThat(intersection).as("situation %d: %s", index, answers).isEqualTo(expected);
                checked++;
            }
            assertThat(checked).isGreaterThan(1000);
        }
    }

    /** A probe for each situation pattern as written, numbered as the tables number them. */
    private static KieBase wholePatterns(RuleModel model, List<RuleModel.FactPattern> patterns) {
        StringBuilder drl = new StringBuilder("package trustrepair.wholepatterns;\ndialect \"mvel\"\n");
        model.imports().forEach(i -> drl.append("import ").append(i).append(";\n"));
        for (int p = 0; p < patterns.size(); p++) {
            String text = patterns.get(p).constraints().isEmpty()
                    ? "Situation( true )"
                    : patterns.get(p).text();
            drl.append("rule \"s" + p + "\" when " + text + " then end\n");
        }
        KieBase base = ProbeBase.compile(drl.toString());
        assertThat(base).as("the whole patterns compile as probes").isNotNull();
        return base;
    }
}
