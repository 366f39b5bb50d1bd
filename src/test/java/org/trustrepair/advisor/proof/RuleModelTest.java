package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.proof.RuleModel.Comparison;

/** What the proof reads of DRL, read with Drools' own parser: comparisons, named values, and the shortcut's form. */
class RuleModelTest {

    private static final String HEAD = "package t;\nimport org.trustrepair.advisor.advice.*;\n"
            + "import org.trustrepair.advisor.advice.facts.*;\n";

    private static RuleModel model(String rules) {
        return RuleModel.of(Map.of("t.drl", HEAD + rules));
    }

    private static String rule(String name, String when) {
        return "rule \"" + name + "\"\nwhen\n" + when + "\nthen\n  insert( new NatureIs( Nature.COMPETENCE ) );\nend\n";
    }

    private static List<Comparison> comparisons(RuleModel model) {
        return model.situationConstraints().stream()
                .flatMap(c -> c.comparisons().stream())
                .toList();
    }

    @Test
    void thresholdsAreReadWithTheNumberFirstOrLast() {
        RuleModel model = model(rule("r", "  Situation( daysElapsed < 14, 2 <= apologiesMade, !stillHappening )"));
        assertThat(comparisons(model))
                .containsExactly(
                        new Comparison("daysElapsed", "<", "14"),
                        new Comparison("apologiesMade", ">=", "2"),
                        new Comparison("stillHappening", "==", "false"));
        assertThat(model.situationConstraints()).allMatch(RuleModel.Constraint::followed);
        assertThat(model.rules().get(0).notPlain()).isNull();
        assertThat(model.rules().get(0).inserts()).containsExactly("NatureIs");
    }

    @Test
    void enumValuesAreNamedThroughInAndContains() {
        RuleModel model = model(rule(
                "r",
                "  Situation( breach in ( Breach.INFIDELITY, Breach.HALF_TRUTHS ),"
                        + " safety contains SafetyFlag.PROTECTIVE_ORDER || role == Role.WAS_HURT )"));
        assertThat(comparisons(model))
                .containsExactly(
                        new Comparison("breach", "==", "Breach.INFIDELITY"),
                        new Comparison("breach", "==", "Breach.HALF_TRUTHS"),
                        new Comparison("safety", "contains", "SafetyFlag.PROTECTIVE_ORDER"),
                        new Comparison("role", "==", "Role.WAS_HURT"));
        assertThat(model.situationConstraints().get(1).answers()).containsExactlyInAnyOrder("safety", "role");
    }

    @Test
    void theSpacesClassesOfFlagsTellApartEveryFlagAConditionWithAnotherAnswerNames() {
        RuleModel model = model(rule(
                "r",
                "  Situation( breach == Breach.INFIDELITY, safety not contains SafetyFlag.I_FEAR_THEM,"
                        + " safety contains SafetyFlag.THEIR_SELF_HARM || safety contains SafetyFlag.MY_SELF_HARM,"
                        + " safety contains SafetyFlag.ORDER_AGAINST_ME || role == Role.WAS_HURT )"));
        List<RuleModel.Constraint> constraints =
                model.rules().get(0).patterns().get(0).constraints();

        // the two on the flags alone as written; the one with the role names its flag
        assertThat(SafetyClasses.conditions(constraints))
                .containsExactly(
                        "safety not contains SafetyFlag.I_FEAR_THEM",
                        "safety contains SafetyFlag.THEIR_SELF_HARM || safety contains SafetyFlag.MY_SELF_HARM",
                        "safety contains SafetyFlag.ORDER_AGAINST_ME");
    }

    @Test
    void aConditionThatCannotBeFollowedReadsEveryAnswer() {
        RuleModel model = model(rule("r", "  Situation( breach.ordinal() > 2, daysElapsed + 1 > 3 )"));
        assertThat(model.situationConstraints())
                .allSatisfy(c -> assertThat(c.followed()).isFalse())
                .allSatisfy(c -> assertThat(c.answers()).isEqualTo(RuleModel.ANSWERS));
        assertThat(model.rules().get(0).notPlain()).contains("rule \"r\"");
    }

    @Test
    void rulesOutsideTheShortcutsFormAreNamed() {
        RuleModel model = model(rule("negation", "  Situation( )\n  not NatureIs( nature == Nature.INTEGRITY )")
                + rule("from", "  Situation( )\n  NatureIs( ) from $natures")
                + rule("binding", "  $s : Situation( daysElapsed > 3 )")
                + rule("plain", "  Situation( )\n  NatureIs( nature == Nature.INTEGRITY )"));
        assertThat(model.rules())
                .extracting(RuleModel.Rule::notPlain)
                .containsExactly(
                        "rule \"negation\" has a condition that is not a plain pattern",
                        "rule \"from\" has a condition that is not a plain pattern",
                        "rule \"binding\" has a condition that is not a plain pattern",
                        null);
        // a bound situation could pass any answer on
        assertThat(model.situationConstraints())
                .anySatisfy(c -> assertThat(c.answers()).isEqualTo(RuleModel.ANSWERS));
        assertThat(SameFirings.of(model).whyNot()).contains("rule \"negation\"");
    }

    @Test
    void aConsequenceThatDoesMoreThanInsertIsNoted() {
        RuleModel model = model("rule \"r\"\nwhen\n  Situation( )\nthen\n"
                + "  insert( new NatureIs( Nature.COMPETENCE ) ); // a note\n  System.out.println( \"x\" );\nend\n");
        assertThat(model.rules().get(0).inserts()).isNull();
    }
}
