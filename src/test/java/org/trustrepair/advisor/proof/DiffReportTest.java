package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * The diff's report, as a counsellor reads it, for an edit of words only: a reworded title and a renamed rule, on a
 * sample of the space (one situation in 401, as {@link RuleDiffShortcutTest}; the report reads the groups whatever
 * their size). A reworded title is the same advice in new words; a renamed rule is not counted as a change.
 */
class DiffReportTest {

    private static final int STRIDE = 401;

    @TempDir
    static Path dir;

    private static DiffView view;

    @BeforeAll
    static void diffAnEditOfWords() throws IOException {
        Path edited = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(
                edited,
                "step-back/advice.yaml",
                "title: Stop apologizing in words; act instead",
                "title: Stop saying sorry; act instead");
        RulesCopy.edit(
                edited,
                "step-back/step-back.drl",
                "rule \"Leave one door open, then step back\"",
                "rule \"Leave one door open, and step back\"");
        RulesCopy.edit(
                edited,
                "situation/classify.drl",
                "the only respectful move is to step back completely.",
                "the only respectful move is to step back, completely.");
        RuleDiff.Result diff = new RuleDiff(2, true, STRIDE)
                .compare(RulesFolder.fixture(), new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(edited)));
        view = DiffView.of(diff, "rules", "edited");
    }

    @Test
    void aRewordedTitleIsTheSameAdviceInNewWordsAndARenameIsNotAChange() {
        assertThat(view.headline().get(0)).startsWith("Different advice: 0 situations of ");
        // whom the new words reach, as for different advice
        assertThat(view.headline().get(1))
                .matches("Same advice, new words: [\\d,]+ more situations, each with these answers:");
        assertThat(view.headline().get(2)).startsWith("  Which describes you: I broke someone's trust");
        assertThat(view.headline().get(3))
                .matches("Not counted as a change: in [\\d,]+ more situations only the name of a rule changes .*");
        assertThat(view.noChange()).isFalse();
    }

    @Test
    void whenTheHeadingsCountASituationMoreThanOnceTheHeadlineSaysSo() {
        // a person who asked for no contact, after two apologies: a reason and a title reworded, one situation
        long total = 0;
        for (String line : view.headline()) {
            Matcher count = Pattern.compile("^(?:Same advice, new words|Not counted as a change: in) ([\\d,]+) ")
                    .matcher(line);
            total += count.find() ? Long.parseLong(count.group(1).replace(",", "")) : 0;
        }
        Matcher heading =
                Pattern.compile("\n== [^\n]+ \\(([\\d,]+) situations?\\) ==\n").matcher(view.text());
        long underHeadings = 0;
        while (heading.find()) {
            underHeadings += Long.parseLong(heading.group(1).replace(",", ""));
        }

        assertThat(underHeadings).isGreaterThan(total);
        assertThat(view.headline()).contains(DiffHeadline.OVERLAP);
    }

    @Test
    void theTotalOfSituationsSaysWhyItCanChangeFromOneDiffToTheNext() {
        assertThat(view.withoutAuthorsNotes().text())
                .containsPattern("Evaluated all [\\d,]+ situations either rule set can tell apart")
                .contains("makes this number larger: it can change from one diff to the next.");
    }

    @Test
    void eachChangeShowsOnlyTheWordsThatDiffer() {
        String text = view.text();

        assertThat(text)
                .contains("== Steps reworded (")
                .contains("The step “Stop saying sorry; act instead” (Step back): title reworded (")
                .contains("      title: “Stop apologizing in words; act instead” → “Stop saying sorry; act instead”\n")
                .contains("== Steps given by a rule of another name (")
                .contains("is given by the rule “Leave one door open, and step back” (was “Leave one door open, then"
                        + " step back”)")
                .containsPattern(
                        "    where the answers are:\n      - [\\d,]+ situations?:\n        Which describes you: I broke someone's trust")
                // one question to a line, the count first
                .contains(
                        "      after:  They have asked for no contact (they asked for no contact): the only respectful"
                                + " move is to step back, completely.\n")
                .doesNotContain("act-instead-of-apologizing");
        // the words are the questionnaire's; only the command to type names the answers as the rules do
        assertThat(text.lines().filter(line -> !line.contains("read that plan: ./advisor preview")))
                .noneMatch(line -> line.matches(".*\\b(BROKE_TRUST|WAS_HURT|ROMANTIC|NEEDS_SPACE|null|blank)\\b.*"));
    }

    @Test
    void theVersionsAndHowThePlansWereComparedAreForRuleAuthorsOnly() {
        String forCounsellors = view.withoutAuthorsNotes().text();

        assertThat(view.text()).containsPattern("Comparing rules \\(version [0-9a-f]+\\)");
        assertThat(forCounsellors.lines().findFirst()).hasValue("Comparing rules");
        assertThat(forCounsellors).doesNotContain("(version ").doesNotContain("How the plans were compared");
        assertThat(forCounsellors.lines().filter(l -> l.startsWith("== Steps reworded (")))
                .hasSize(1);
    }

    @Test
    void aReasonThatDidNotChangeIsNotShownAgain() {
        List<String> lines = view.text().lines().toList();
        List<String> before = lines.stream()
                .filter(l -> l.startsWith("      before: "))
                .map(l -> l.substring("      before: ".length()))
                .toList();
        List<String> after = lines.stream()
                .filter(l -> l.startsWith("      after:  "))
                .map(l -> l.substring("      after:  ".length()))
                .toList();

        assertThat(after).anyMatch(l -> l.endsWith("step back, completely."));
        assertThat(before).doesNotContainAnyElementsOf(after);
    }

    @Test
    void thePageIsATemplateWithTheBatchReportsChartsAndEscapesTheRulesWords() {
        String html = view.html();

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<h2>Situations by kind of change</h2>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"")
                .contains("<text text-anchor=\"end\" x=\"")
                .contains(">Steps reworded</text>")
                .contains("Someone broke my trust: new words")
                .contains("I broke someone&#39;s trust")
                .contains("title: “Stop apologizing in words; act instead” → “Stop saying sorry; act instead”")
                .doesNotContain("<script")
                .doesNotContain("https://");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    @Test
    void aNewStepSaysItsTextWhyAndRuleAndASourceIsNamedByItsTitle() throws IOException {
        Path edited = RulesCopy.of(dir.resolve("rules-with-a-new-step"));
        RulesCopy.edit(edited, "hurt-party/hurt-party.drl", "rule \"Trust is a choice, not a debt\"", """
                rule "You may keep your distance"
                  @id("hurt-keep-distance")
                  @reason("You were hurt ({breach}). You do not have to stay close while you decide.")
                  @sources("HPS")
                when
                  Situation( role == Role.WAS_HURT )
                  TrackIs( track == Track.HURT_PARTY )
                then
                  insert( new Advice( "keep-your-distance", Phase.ACCEPT, 3 ) );
                end

                rule "Trust is a choice, not a debt\"""");
        Files.writeString(edited.resolve("hurt-party/advice.yaml"), """

                keep-your-distance:
                  title: "You may keep your distance for now"
                  detail: "Seeing less of them while you decide is looking after yourself. It is not a punishment."
                  kinds: [action]
                """, StandardOpenOption.APPEND);
        RulesCopy.edit(
                edited,
                "apologize/apologize.drl",
                "@reason(\"You have apologized and they need space. Repeating the apology now would crowd them and"
                        + " sound like a plea.\")\n  @sources(\"SEED, EMB\")",
                "@reason(\"You have apologized and they need space. Repeating the apology now would crowd them and"
                        + " sound like a plea.\")\n  @sources(\"SEED, EMB, TH22\")");
        RuleDiff.Result diff = new RuleDiff(2, true, STRIDE)
                .compare(RulesFolder.fixture(), new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(edited)));

        String text = DiffView.of(diff, "rules", "edited").text();

        assertThat(text)
                // what every situation with different advice shares, not a percentage
                .containsPattern("Different advice: [\\d,]+ situations? of [\\d,]+, each with these answers:\n  Which"
                        + " describes you: Someone broke my trust")
                .doesNotContain(" %)")
                .contains("  New step: “You may keep your distance for now” (Accept) (")
                .contains("      its text begins: “Seeing less of them while you decide is looking after yourself.”\n")
                .containsPattern(
                        "      why it is given: “You were hurt \\([^)]+\\)\\. You do not have to stay close while you"
                                + " decide\\.” \\(from the rule “You may keep your distance”\\)\n")
                .contains("  Held back: “Apologize again”: sources changed (")
                .contains(
                        "      source TH22 added to the rule “No repeated apology when they need space”: “Thai, M., and"
                                + " colleagues (2022): research on apologies that are"
                                + " declined.”\n")
                // a question left out of where a change applies means any answer: said
                .containsPattern(
                        "\n      - [\\d,]+ situations?:\n        Which describes you: [^\n]+\n(        [^\n]+\n)*        Any answer to: What"
                                + " is the relationship; [^\n]+\n");
    }

    @Test
    void anItemHeldBackByAnotherRuleSaysEachRulesSourcesOnOneLine() throws IOException {
        // a counsellor's trial read a dozen lines of source titles under "Held back for another reason"
        Path edited = RulesCopy.of(dir.resolve("rules-with-another-rule"));
        RulesCopy.edit(
                edited,
                "apologize/apologize.drl",
                "rule \"No repeated apology when they need space\"\n  @id(\"apologize-withhold-needs-space\")\n  @reason(\"You"
                        + " have apologized and they need space. Repeating the apology now would crowd them and sound like"
                        + " a plea.\")\n  @sources(\"SEED, EMB\")",
                "rule \"No apology again while they need space\"\n  @id(\"apologize-withhold-needs-space\")\n  @reason(\"You"
                        + " have apologized and they need space. Repeating the apology now would crowd them and sound like"
                        + " a plea.\")\n  @sources(\"TH22\")");
        RuleDiff.Result diff = new RuleDiff(2, true, STRIDE)
                .compare(RulesFolder.fixture(), new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(edited)));

        String text = DiffView.of(diff, "rules", "edited").text();

        assertThat(text)
                .contains("  Held back for another reason: “Apologize again”")
                .contains("      sources: TH22 (the rule before cited SEED, EMB)\n")
                .doesNotContain("not by the rule");
    }

    @Test
    void aMovedPeriodEdgeNamesThePeriodsByTheirPlaceNotByTheirOldDays() throws IOException {
        Path edited = RulesCopy.of(dir.resolve("rules-with-three-weeks"));
        RulesCopy.edit(edited, "situation/periods.drl.csv", ",,14,FIRST_TWO_WEEKS,", ",,21,FIRST_TWO_WEEKS,");
        RulesCopy.edit(edited, "situation/periods.drl.csv", ",14,90,UP_TO_THREE_MONTHS,", ",21,90,UP_TO_THREE_MONTHS,");

        // one situation in 4,001: the wording is what is tested, and the moved days are a sixth of the space
        String text = DiffView.of(
                        new RuleDiff(2, true, 4001)
                                .compare(
                                        RulesFolder.fixture(),
                                        new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(edited))),
                        "rules",
                        "edited")
                .text();

        // days 14 to 20 now fall in the first period; "up to three months → first two weeks" would name old days
        String changes = text.substring(0, text.indexOf("== Numbers that moved: words to read again =="));
        assertThat(changes)
                .contains("How long ago it was is read as another period: the second period → the first period (")
                .doesNotContain("first two weeks")
                .doesNotContain("FIRST_TWO_WEEKS");
        // the words that still say the old days are listed apart, to be read again
        assertThat(text.substring(changes.length()))
                .contains("now says 21 days where it said 14 days")
                .contains("the name of the rule “Under two weeks is the first two weeks”");
    }

    @Test
    void countsHaveTheirPluralRight() {
        assertThat(view.text())
                .doesNotContainPattern("\\b1 situations\\b")
                .doesNotContainPattern("\\b(\\d{2,}|[02-9]) situation\\b")
                .containsPattern("\\([\\d,]+ situations\\)");
    }
}
