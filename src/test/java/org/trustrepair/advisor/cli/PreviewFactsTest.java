package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;
import org.trustrepair.advisor.advice.facts.Finding;
import org.trustrepair.advisor.cli.PreviewCommandTest.Run;

/**
 * {@code ./advisor preview --facts}: after the plan, what the rules see for these answers, as lines a counsellor
 * copies into a new rule's when, and which rule (and file) gave each step.
 */
class PreviewFactsTest {

    private static final String[] FRIEND_A_WEEK_AGO = {
        "role=BROKE_TRUST",
        "relationship=FRIENDSHIP",
        "breach=BROKEN_PROMISE",
        "readiness=WILLING_TO_TALK",
        "daysElapsed=10"
    };

    /** The preview of these answers with {@code --facts}, from the fixture's rules, or {@code rules}. */
    private static Run facts(Path rules, String... answers) {
        return PreviewCommandTest.run(
                Stream.concat(Stream.of("--rules", rules.toString(), "--facts"), Stream.of(answers))
                        .toArray(String[]::new));
    }

    private static Run facts(String... answers) {
        return facts(RulesFolder.FIXTURE, answers);
    }

    /** The condition lines of a preview's facts: from {@code Situation( … )} to the last derived fact. */
    private static String conditions(String out) {
        int from = out.indexOf("  Situation( ");
        int to = out.indexOf("\nWhich rule gave each step");
        assertThat(from).as(out).isPositive();
        return out.substring(from, to).strip();
    }

    @Test
    void thePlainTrackIsRepairAndASafetyAnswersIsSafety() {
        Run plain = facts(FRIEND_A_WEEK_AGO);
        Run afraid = facts(Stream.concat(Stream.of(FRIEND_A_WEEK_AGO), Stream.of("safety=I_FEAR_THEM"))
                .toArray(String[]::new));

        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out())
                .contains("\n  TrackIs( track == Track.REPAIR )\n")
                .doesNotContain("Track.SAFETY")
                .contains("\n  PeriodIs( period == Period.FIRST_TWO_WEEKS )\n")
                .contains("\n  NatureIs( nature == Nature.INTEGRITY )\n");
        assertThat(conditions(plain.out())).contains("!safetyConcern");
        assertThat(afraid.out())
                .contains("\n  TrackIs( track == Track.SAFETY )\n")
                .doesNotContain("Track.REPAIR");
        assertThat(conditions(afraid.out()))
                .contains("safety contains SafetyFlag.I_FEAR_THEM")
                .doesNotContain("safetyConcern");
    }

    @Test
    void theSituationNamesEachAnswerAskedAsTheRulesTestIt() {
        String broke = conditions(facts(FRIEND_A_WEEK_AGO).out());
        String hurt =
                conditions(facts("role=WAS_HURT", "relationship=WORKPLACE", "breach=LYING_AT_WORK", "daysElapsed=3")
                        .out());

        assertThat(broke.replaceAll("\\s+", " "))
                .startsWith("Situation( role == Role.BROKE_TRUST, relationship == Relationship.FRIENDSHIP,"
                        + " breach == Breach.BROKEN_PROMISE, disclosure == Disclosure.DISCOVERED,"
                        + " readiness == Readiness.WILLING_TO_TALK, daysElapsed == 10, !stillHappening,")
                .contains(" apologiesMade == 0,", " !contactUnavoidable,", " !safetyConcern )");
        // the person who was hurt is asked how the other responded (left blank), never about apologies or readiness
        assertThat(hurt)
                .contains("role == Role.WAS_HURT", "theirResponse == null", "daysElapsed == 3")
                .doesNotContain("readiness", "apologiesMade", "disclosure");
    }

    @Test
    void eachStepAndEachThingNotToDoNamesTheRuleThatGaveItAndItsFile() {
        Run run = facts(FRIEND_A_WEEK_AGO);

        assertThat(run.out())
                .containsPattern(
                        "\n  apologize-fully +<- rule \"Apologize fully, once\" \\(apologize/apologize.drl:19\\)\n")
                .containsPattern(
                        "\n  set-a-deadline +<- rule \"Never set a deadline for their trust\" \\(time/time.drl:42\\)\n");
        // every id the plan shows has its rule, in the order the plan shows it
        List<String> shown = ids(run.out(), "  \\[id: ([a-z0-9-]+)]");
        List<String> ruled =
                ids(run.out().substring(run.out().indexOf("Which rule gave")), "\n  ([a-z0-9-]+) +<- rule ");
        assertThat(ruled).isEqualTo(shown).isNotEmpty();
    }

    private static List<String> ids(String text, String pattern) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Pattern.compile(pattern).matcher(text).results().forEach(m -> ids.add(m.group(1)));
        return ids;
    }

    @Test
    void aFindingOfTheRulesIsALineOfItsOwn() {
        Run run = facts(
                RulesFolder.PATH,
                "role=BROKE_TRUST",
                "relationship=ROMANTIC",
                "breach=INFIDELITY",
                "readiness=UNDECIDED",
                "daysElapsed=30",
                "safety=I_FEAR_THEM");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\n  Finding( name == \"answerer-at-risk\" )\n")
                .doesNotContain("Finding( name == \"no-danger-between-them\" )")
                .contains("\n  TrackIs( track == Track.SAFETY )\n");
    }

    /** The point of the lines: pasted into a new rule's when, that rule fires for these answers, and not for others. */
    @Test
    void theLinesPastedIntoARulesWhenMatchTheseAnswers(@TempDir Path dir) throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        String when = conditions(facts(FRIEND_A_WEEK_AGO).out());
        Files.writeString(
                rules.resolve("reflect/reflect.drl"),
                "\nrule \"Copied from the preview\"\n  @id(\"copied-from-the-preview\")\n  @reason(\"A test.\")\n"
                        + "  @sources(\"SEED\")\nwhen\n  " + when + "\nthen\n"
                        + "  insertLogical( new Finding( \"copied-lines-hold\" ) );\nend\n",
                java.nio.file.StandardOpenOption.APPEND);
        RuleSet ruleSet = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
        Answers same = Answers.of(Relationship.FRIENDSHIP, Breach.BROKEN_PROMISE, Readiness.WILLING_TO_TALK, 10);

        assertThat(ruleSet.evaluate(same).firedRules()).contains("Copied from the preview");
        assertThat(ruleSet.evaluate(same.withDaysElapsed(11)).firedRules()).doesNotContain("Copied from the preview");
        List<Object> derived = new ArrayList<>();
        ruleSet.evaluate(same, derived);
        assertThat(derived).contains(new Finding("copied-lines-hold"));
    }

    @Test
    void withoutFactsThePreviewIsThePlanAlone() {
        Run run = PreviewCommandTest.run(
                Stream.concat(Stream.of("--rules", RulesFolder.FIXTURE.toString()), Stream.of(FRIEND_A_WEEK_AGO))
                        .toArray(String[]::new));
        Answers answers = Answers.of(Relationship.FRIENDSHIP, Breach.BROKEN_PROMISE, Readiness.WILLING_TO_TALK, 10);

        assertThat(run.out())
                .isEqualTo(PreviewCommand.text(
                        RulesFolder.fixture().evaluate(answers).plan()));
        assertThat(run.out()).doesNotContain("What the rules see", "Which rule gave");
    }

    @Test
    void theHelpNamesFacts() {
        assertThat(PreviewCommandTest.run("--help").out().replaceAll("\\s+", " "))
                .contains("--facts")
                .contains("copy into a new rule's when");
    }
}
