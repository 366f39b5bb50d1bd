package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        RulesCopy.moveFirstPeriodEnd(rules, 21);
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
        // the period rules insert no step and no held-back item: their names are among what only counsellors see
        assertThat(StaleWords.of(RulesFolder.fixture(), after))
                .anyMatch(line -> line.startsWith("  - the name of the rule “Under two weeks is the first two weeks”")
                        && line.endsWith(", a name only counsellors see (it gives no step)"))
                .anyMatch(line -> line.startsWith("  - the name of the rule “Two weeks to three months”"))
                .anyMatch(line -> line.matches(
                        "  - a note in step-back/step-back\\.drl:\\d+: “In the first two weeks, see the table\\.”"));
    }

    @Test
    void aMovedPeriodEdgeAlsoListsTheWordsThatNameThePeriodWithoutANumber() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.moveFirstPeriodEnd(rules, 21);
        // the words a counsellor's trial found the list missed, and "a fortnight"; "the first weeks" stays true
        RulesCopy.edit(
                rules,
                "apologize/advice.yaml",
                "title: Listen until they feel heard",
                "title: Listen to them through these first days");
        RulesCopy.edit(
                rules,
                "time/advice.yaml",
                "title: Set a deadline for their trust",
                "title: Set a deadline of a fortnight");
        RulesCopy.edit(
                rules,
                "time/advice.yaml",
                "title: Treat setbacks as part of recovery",
                "title: Treat setbacks in the first two weeks, these first days, as part of recovery");
        RulesCopy.edit(
                rules, "apologize/advice.yaml", "title: Apologize again", "title: Apologize again in the first weeks");
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        List<String> lines = StaleWords.of(RulesFolder.fixture(), after);

        assertThat(lines)
                .contains("The first period, which ended before day 14, now ends before day 21; these words name it"
                        + " without a number (“first days”, “first few days”, “fortnight”, “very recent”) and may no"
                        + " longer fit it:");
        List<String> naming = lines.subList(
                lines.indexOf(lines.stream()
                        .filter(line -> line.startsWith("The first period"))
                        .findFirst()
                        .orElseThrow()),
                lines.size());
        assertThat(naming)
                .anyMatch(line -> line.startsWith("  - the text “Listen to them through these first days”"))
                .anyMatch(line -> line.startsWith("  - the text “Set a deadline of a fortnight”"))
                .anyMatch(line -> line.startsWith("  - the reason of the rule “Listen before apologizing")
                        && line.contains("“It is very recent"))
                .noneMatch(line -> line.contains("in the first weeks"))
                // said once: a text that says "two weeks" too is listed for its number, above
                .noneMatch(line -> line.contains("Treat setbacks"));
        assertThat(lines).anyMatch(line -> line.startsWith("  - the text “Treat setbacks in the first two weeks"));
    }

    @Test
    void aMovedNumberOfApologiesListsNoPeriodWords() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        threeApologiesAreEnough(rules);
        RulesCopy.edit(
                rules,
                "apologize/advice.yaml",
                "title: Listen until they feel heard",
                "title: Listen to them through these first days");
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        assertThat(StaleWords.of(RulesFolder.fixture(), after)).noneMatch(line -> line.contains("first days"));
    }

    @Test
    void aNoteIsListedWhenItSaysWhatTheNumberCountsNotWhenItSaysTwiceInAnotherSense() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // three apologies are enough now, not two; two notes sit above the rule, one about the number, one not
        RulesCopy.edit(
                rules,
                "apologize/apologize.drl",
                "rule \"No further apology once two have been made\"",
                "// Asked twice by the readers, in the third read.\n"
                        + "// After two apologies, another adds nothing.\n"
                        + "rule \"No further apology once two have been made\"");
        threeApologiesAreEnough(rules);
        // a text the person reads that says "twice" is still listed
        RulesCopy.edit(rules, "apologize/advice.yaml", "title: Apologize again", "title: Apologize twice more");
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        List<String> lines = StaleWords.of(RulesFolder.fixture(), after);

        assertThat(lines).first().asString().contains("now says 3 apologies where it said 2 apologies");
        assertThat(lines)
                .anyMatch(line -> line.matches(
                        "  - a note in apologize/apologize\\.drl:\\d+: “After two apologies, another adds nothing\\.”"))
                .anyMatch(line -> line.startsWith("  - the text “Apologize twice more” (apologize-again)"))
                .noneMatch(line -> line.contains("Asked twice by the readers"));
    }

    @Test
    void aGuardrailIsNamedAndWordsAreNotCutMidWord() throws IOException {
        // a counsellor's trial read "guardrails.yaml:664" with no name, and notes cut mid-word ("(eigh…")
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(
                rules,
                "apologize/apologize.drl",
                "rule \"No further apology once two have been made\"",
                "// In the eighth read the counsellors said that after two apologies another apology adds nothing"
                        + " to what they already know.\n"
                        + "rule \"No further apology once two have been made\"");
        threeApologiesAreEnough(rules);
        aGuardrailSaysTwoApologies(rules);
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        List<String> lines = StaleWords.of(RulesFolder.fixture(), after);

        assertThat(lines)
                .anyMatch(line ->
                        line.matches("  - the guardrail “no-contact-after-no-contact” \\(guardrails\\.yaml:\\d+\\):"
                                + " “.*not even after two apologies.*"))
                .anyMatch(line -> line.matches(
                        "  - a note in apologize/apologize\\.drl:\\d+: “…eighth read the counsellors said that after two apologies"
                                + " another apology adds nothing to what…”"));
        // what the person reads first; then, after a line that says so, what only counsellors see
        int seenOnlyByCounsellors =
                lines.indexOf("  and, seen only by counsellors (rule names that give no step, notes, guardrails):");
        assertThat(seenOnlyByCounsellors).isPositive();
        assertThat(lines.subList(0, seenOnlyByCounsellors))
                .anyMatch(line -> line.startsWith("  - the name of the rule “Stop apologizing in words after two"))
                .noneMatch(line -> line.startsWith("  - a note in ") || line.startsWith("  - the guardrail "));
        assertThat(lines.subList(seenOnlyByCounsellors, lines.size()))
                .anyMatch(line -> line.startsWith("  - the guardrail “no-contact-after-no-contact”"))
                .noneMatch(line -> line.startsWith("  - the name of the rule “Stop apologizing"));
    }

    @Test
    void whenOnlyCounsellorsSeeTheOldNumberTheListSaysSoFirst() throws IOException {
        // a counsellor's trial read a list that began "and, seen only by counsellors", with nothing before the "and"
        Path rules = RulesCopy.of(dir.resolve("rules"));
        threeApologiesAreEnough(rules);
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "rule \"Stop apologizing in words after two",
                "rule \"Stop apologizing in words once enough");
        aGuardrailSaysTwoApologies(rules);
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        List<String> lines = StaleWords.of(RulesFolder.fixture(), after);

        assertThat(lines)
                .contains("  Seen only by counsellors (rule names that give no step, notes, guardrails):")
                .noneMatch(line -> line.startsWith("  and, seen only"))
                .anyMatch(line -> line.startsWith("  - the guardrail “no-contact-after-no-contact”"));
    }

    @Test
    void aNoteSaysANumberOfDaysOrApologiesButNotTwiceOrTwoTimes() {
        assertThat(StaleWords.inNotes(StaleWords.phrases("apologiesMade", 2)))
                .contains("2 apolog", "two apolog", "two full apolog", "2 times")
                .doesNotContain("twice", "two times", "two or more");
        assertThat(StaleWords.inNotes(StaleWords.phrases("daysElapsed", 14))).contains("14 days", "two weeks");
        assertThat(StaleWords.inNotes(StaleWords.phrases("daysElapsed", 7))).contains("a week");
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

    /** The fixture's "No further apology" rule moved from two apologies to three. */
    private static void aGuardrailSaysTwoApologies(Path rules) throws IOException {
        RulesCopy.edit(
                rules,
                "guardrails.yaml",
                "promise: \"No contact, direct or indirect, after a no-contact request,",
                "promise: \"No contact, direct or indirect, not even after two apologies, after a no-contact request,");
    }

    private static void threeApologiesAreEnough(Path rules) throws IOException {
        RulesCopy.edit(
                rules,
                "apologize/apologize.drl",
                "Situation( role == Role.BROKE_TRUST, apologiesMade >= 2 )",
                "Situation( role == Role.BROKE_TRUST, apologiesMade >= 3 )");
    }
}
