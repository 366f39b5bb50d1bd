package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleInfo;

/**
 * A phrase a guardrail forbids in reasons ({@code noReasonSays}) that an answer's words from questionnaire.yaml bring
 * into a reason is refused where the guardrail allows that answer, and accepted where its {@code when} leaves that
 * answer out: the sweep proves the reasons' own words only.
 */
class AnswerWordsTest {

    @TempDir
    Path dir;

    /** What the check says of one guardrail against one reason, worded by the frozen rule set's questionnaire. */
    private static List<String> problems(String reason, String phrase, String when) {
        Guardrails guardrails = Guardrails.read("""
                guardrails:
                  - id: not-said
                    promise: "Not said."
                    when: %s
                    then:
                      noReasonSays: ["%s"]
                """.formatted(when, phrase), Set.of(), Set.of());
        RuleInfo rule = new RuleInfo("A rule", "a-rule", reason, List.of(), "a/a.drl", 3);
        return AnswerWords.problems(
                guardrails.all(),
                Map.of(rule.name(), rule),
                RulesFolder.fixture().questionnaire());
    }

    @Test
    void aPhraseAnAnswersWordsBringInIsRefusedWhereTheGuardrailAllowsThatAnswer() {
        String reason = "They have not decided yet ({readiness}).";
        assertThat(problems(reason, "They have moved on", "{role: BROKE_TRUST}"))
                .singleElement()
                .asString()
                .contains(
                        "guardrail \"not-said\"",
                        "\"They have moved on\"",
                        "rule \"A rule\" (a/a.drl:3)",
                        "readiness MOVED_ON (\"they have moved on\")",
                        "\"They have not decided yet (they have moved on).\"",
                        "Reword the phrase",
                        "narrow the guardrail's when");
        assertThat(problems(
                        reason, "they have moved on", "{anyOf: [{readiness: NEEDS_SPACE}, {disclosure: UNDISCLOSED}]}"))
                .as("one group of anyOf that allows the answer is enough")
                .hasSize(1);
    }

    @Test
    void theSamePhraseUnderAWhenThatLeavesTheAnswerOutIsAccepted() {
        String reason = "They have not decided yet ({readiness}).";
        assertThat(problems(reason, "they have moved on", "{readiness: [NEEDS_SPACE, UNDECIDED]}"))
                .isEmpty();
        assertThat(problems(reason, "they have moved on", "{role: BROKE_TRUST, readiness: MOVED_ON}"))
                .hasSize(1);
    }

    @Test
    void aReasonsOwnWordsAreLeftToTheSweep() {
        assertThat(problems("They found out {daysElapsed} ago.", "they found out", "{}"))
                .isEmpty();
    }

    @Test
    void aPhraseAcrossAReasonsOwnWordsAndAnAnswersIsFound() {
        String reason = "You said {safety}. Safety comes first.";
        assertThat(problems(reason, "you said they are afraid", "{safety: [THEY_FEAR_ME]}"))
                .singleElement()
                .asString()
                .contains("safety [THEY_FEAR_ME] (\"they are afraid of you\")");
        assertThat(problems(reason, "afraid of you; you are afraid", "{}"))
                .as("the words of two flags, as a plan joins them")
                .hasSize(1);
        assertThat(problems(reason, "you said they are afraid", "{notSafety: [THEY_FEAR_ME]}"))
                .isEmpty();
    }

    @Test
    void aNumbersDigitsAreTriedForEveryNumber() {
        String reason = "They found out {daysElapsed} ago.";
        assertThat(problems(reason, "5 days ago", "{daysElapsed: {atLeast: 10}}"))
                .as("15 days ago says it too")
                .singleElement()
                .asString()
                .contains("daysElapsed 15 (\"15 days\")");
        assertThat(problems(reason, "out 5 days", "{daysElapsed: {atLeast: 10}}"))
                .as("only 5 days says it, which the guardrail leaves out")
                .isEmpty();
        assertThat(problems(reason, "days ago", "{daysElapsed: {atLeast: 10}}"))
                .as("words every number has but one")
                .singleElement()
                .asString()
                .contains("daysElapsed of any number so worded");
    }

    @Test
    void eachWordingOfANumberFromAPlusOnIsTried() {
        Guardrails guardrails = Guardrails.read("""
                guardrails:
                  - id: not-said
                    promise: "Not said."
                    then:
                      noReasonSays: ["over five years"]
                """, Set.of(), Set.of());
        RuleInfo rule =
                new RuleInfo("A rule", "a-rule", "It came to light {daysElapsed} ago.", List.of(), "a/a.drl", 3);
        assertThat(AnswerWords.problems(
                        guardrails.all(),
                        Map.of(rule.name(), rule),
                        RulesFolder.ruleSet().questionnaire()))
                .singleElement()
                .asString()
                .contains("daysElapsed of any number so worded (\"over five years\")");
    }

    @Test
    void theRepositorysGuardrailsAreNotBroughtInByAnyAnswersWords() {
        var rules = RulesFolder.ruleSet();
        Guardrails guardrails = Guardrails.read(
                rules.text(Guardrails.FILE),
                rules.catalogue().sources().keySet(),
                rules.catalogue().advice().keySet());
        long start = System.nanoTime();
        assertThat(AnswerWords.problems(guardrails.all(), rules.rules(), rules.questionnaire()))
                .isEmpty();
        System.out.printf("answer words checked in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aRuleSetWhoseAnswerWordsBreakAGuardrailIsRefusedByTheCheck() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Path file = rules.resolve("guardrails.yaml");
        Files.writeString(file, Files.readString(file) + """

                  - id: no-hidden-behaviour-said
                    promise: "No reason speaks of hidden behaviour."
                    sources: [SEED]
                    when: {role: BROKE_TRUST}
                    then:
                      noReasonSays: ["hidden behaviour"]
                """);
        RuleCheck.Outcome outcome = new RuleCheck(10_000, null).run(RuleFiles.fromDirectory(rules), dir, true);
        assertThat(outcome.problems())
                .map(RuleProblem::toString)
                .singleElement()
                .asString()
                .startsWith("guardrails.yaml")
                .contains(
                        "guardrail \"no-hidden-behaviour-said\"",
                        "the reason of rule \"",
                        "breach HIDDEN_BEHAVIOUR (\"hidden behaviour\")");
    }
}
