package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** The periods table is read and checked like the DRL beside it, and its problems name the table and the row. */
class DecisionTableTest {

    private static final String TABLE = "situation/periods.drl.csv";

    @TempDir
    Path dir;

    @Test
    void eachRowIsARuleWithItsMetadataLocatedByRow() {
        var rules = RulesFolder.fixture().rules();

        RuleInfo first = rules.get("Under two weeks is the first two weeks");
        assertThat(first.file()).isEqualTo(TABLE);
        assertThat(first.line()).isEqualTo(10);
        assertThat(first.id()).isEqualTo("period-first-two-weeks");
        assertThat(first.reason()).startsWith("It is very recent ({daysElapsed})");
        assertThat(first.sources()).containsExactly("FB05");
        assertThat(rules.get("Over two years").line()).isEqualTo(14);
        assertThat(rules.get("Over two years").sources()).containsExactly("TIME", "SEED");
        assertThat(rules.values().stream().filter(r -> r.file().equals(TABLE))).hasSize(5);
    }

    @Test
    void theSweepSeesTheTablesEdgesAsCuts() {
        assertThat(AnswerSpaceTest.tried(AnswerSpace.of(RulesFolder.fixture()), AnswerSpace.DAYS))
                .contains(13, 14, 90, 365, 730);
    }

    @Test
    void aMistypedValueInACellNamesTheTableAndTheRow() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(rules, TABLE, ",14,90,UP_TO_THREE_MONTHS,", ",14,90,UP_TO_THREE_MONTH,");

        RuleSetException e = refused(rules);

        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLE);
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).startsWith("row 11 of the table: ").contains("UP_TO_THREE_MONTH");
            assertThat(p.hint()).contains("'UP_TO_THREE_MONTH' is not a known answer or value");
        });
    }

    @Test
    void aCommaOutsideQuotesIsSaidAsSuchWithItsRow() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // a reason with a comma in it, its quotes forgotten: the row gains a cell beyond the last column
        RulesCopy.edit(
                rules,
                TABLE,
                "\"It has been {daysElapsed}: months of steady behaviour are when trust starts to return, if it does.\"",
                "It has been {daysElapsed}: months of steady behaviour are when trust starts to return, if it does.");

        RuleSetException e = refused(rules);

        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLE);
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).startsWith("row 12 of the table has more cells than the table has columns");
            assertThat(p.hint()).contains("a text with a comma in it must be in double quotes");
        });
    }

    @Test
    void aMissingSourceInARowNamesTheTableAndTheRow() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(rules, TABLE, "longer than this.\",TIME", "longer than this.\",TIMES");

        RuleSetException e = refused(rules);

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLE);
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("cites source \"TIMES\"");
        });
    }

    @Test
    void twoRowsOfATableThatHoldForOneSituationAreRefusedNamingBoth() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // a copy of the first row under another name and id: it holds for everyone the first row holds for
        RulesCopy.edit(
                rules,
                TABLE,
                "Under two weeks is the first two weeks,,14,",
                "Under two weeks again,,14,FIRST_TWO_WEEKS,period-first-two-weeks-again,Very recent.,FB05\n"
                        + "Under two weeks is the first two weeks,,14,");
        RuleSet built = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        assertThatThrownBy(() -> built.evaluate(
                        Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, 5)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("More than one row of " + TABLE + " holds for this situation")
                .hasMessageContaining("must not overlap");
        assertThat(built.evaluate(Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, 20))
                        .plan())
                .as("a situation one row holds for is served")
                .isNotNull();
    }

    /** What building these rules is refused for (null when they build). */
    private static RuleSetException refused(Path rules) {
        return catchThrowableOfType(
                RuleSetException.class, () -> new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules)));
    }
}
