package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The check's account of the situations it tries, as a counsellor reads it: what a situation is, how many, and which
 * answers are tried together, in the questionnaire's words (the fixture's), with no enum value, index or Java name.
 */
class SpaceWordsTest {

    private static final RuleSet RULES = RulesFolder.fixture();
    private static final AnswerSpace SPACE = AnswerSpace.of(RULES);
    private final List<String> lines = SpaceWords.of(SPACE, RULES.questionnaire());

    @Test
    void saysWhatASituationIsAndHowManyThereAreForEachRole() {
        long brokeTrust = SPACE.start(1);
        assertThat(lines.get(0))
                .isEqualTo(String.format(
                        "What a situation is: one combination of answers that the rules tell apart, not a number of"
                                + " people. The check tries %,d, which stand for every answer anyone can give: %,d for"
                                + " “I broke someone's trust”, %,d for “Someone broke my trust”.",
                        SPACE.size(), brokeTrust, SPACE.size() - brokeTrust));
    }

    @Test
    void namesTheGroupsOfAnswersNoRuleTellsApartInTheQuestionnairesWords() {
        // the fixture compares days with 14, 90, 365 and 730 and apologies with 1 and 2, names no family or friend
        // apart, and groups the safety answers
        assertThat(lines.get(1))
                .startsWith("Answers are grouped where no rule or guardrail tells them apart, and each group is tried"
                        + " once: ")
                .contains("“Family” and “A friend” alike (for “I broke someone's trust”)")
                .contains("days: 0–13, 14–89, 90–364, 365–729, 730 or more")
                .contains("apologies: 0, 1, 2 or more")
                .contains("“Hiding something (pornography, money, contact with an ex)”, “Telling a secret I was"
                        + " trusted with” and “Something else” alike")
                .containsPattern("the 1,024 ways to answer the safety questions, in \\d+ groups");
        // the days question is worded for each role, yet its groups are the same: said once, for both
        assertThat(lines.get(1)).containsOnlyOnce("days: ");
        assertThat(lines.get(2))
                .isEqualTo("Read by no rule or guardrail, so one answer stands for all: What is the relationship (for"
                        + " “Someone broke my trust”); How has the person who broke your trust responded; Is some"
                        + " contact unavoidable, for example shared children, the same workplace or a shared home.");
    }

    @Test
    void speaksNoCode() {
        assertThat(String.join("\n", lines))
                .doesNotContainPattern("\\b[A-Z]{2,}(_[A-Z]+)*\\b")
                .doesNotContain("null", "blank", "[", "index", "dimension", "space");
    }
}
