package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** After a number moves, the words that may still say the old one are listed for the counsellor to read again. */
class StaleWordsTest {

    @TempDir
    Path dir;

    @Test
    void aMovedPeriodEdgeListsTheWordsThatStillSayTheOldDays() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // the first period now ends on day 21: both cells of the pair, as the guide says
        RulesCopy.edit(rules, "situation/periods.drl.csv", ",,14,FIRST_TWO_WEEKS", ",,21,FIRST_TWO_WEEKS");
        RulesCopy.edit(
                rules,
                "situation/periods.drl.csv",
                "Two weeks to three months,14,90",
                "Two weeks to three months,21,90");
        // a counsellor's note that says the old days
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "// Step back:",
                "// In the first two weeks, see the table.\n// Step back:");
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        assertThat(StaleWords.moved(RulesFolder.fixture(), after))
                .extracting(StaleWords.Moved::answer, StaleWords.Moved::was, StaleWords.Moved::now)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("daysElapsed", 14, 21));
        assertThat(StaleWords.of(RulesFolder.fixture(), after))
                .first()
                .asString()
                .startsWith("The rule ")
                .contains("now says 21 days where it said 14 days");
        assertThat(StaleWords.of(RulesFolder.fixture(), after))
                .anyMatch(line -> line.startsWith("  - the name of the rule “Under two weeks is the first two weeks”"))
                .anyMatch(line -> line.startsWith("  - the name of the rule “Two weeks to three months”"))
                .anyMatch(line -> line.matches(
                        "  - a note in step-back/step-back\\.drl:\\d+: “In the first two weeks, see the table\\.”"));
    }

    @Test
    void nothingIsListedWhenNoNumberMoved() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(rules, "apologize/advice.yaml", "title: Listen until they feel heard", "title: Listen first");
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        assertThat(StaleWords.of(RulesFolder.fixture(), after)).isEmpty();
    }

    @Test
    void aNumberIsSaidInTheWaysATextSaysIt() {
        assertThat(StaleWords.phrases("apologiesMade", 2)).contains("two apolog", "2 apolog", "twice", "two times");
        assertThat(StaleWords.phrases("daysElapsed", 14)).contains("14 days", "two weeks");
        assertThat(StaleWords.phrases("daysElapsed", 90)).contains("90 days", "three months");
        assertThat(StaleWords.phrases("daysElapsed", 365)).contains("a year");
    }
}
