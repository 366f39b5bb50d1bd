package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.RulesFolder;
import picocli.CommandLine;

/** {@code ./advisor preview}: a plan as the page shows it, from answers typed as name=value, without a server. */
class PreviewCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PreviewCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Half-truths to a partner who needs space, after two apologies, in the fixture's rules. */
    private static Run halfTruthsAfterTwoApologies() {
        return run(
                "--rules",
                RulesFolder.FIXTURE.toString(),
                "role=BROKE_TRUST",
                "relationship=ROMANTIC",
                "breach=HALF_TRUTHS",
                "readiness=NEEDS_SPACE",
                "daysElapsed=20",
                "apologiesMade=2");
    }

    @Test
    void printsThePlanInThePagesOrderWithReasonsAndWhatIsWithheld() {
        Run run = halfTruthsAfterTwoApologies();

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Your situation", "  1. ", "     Why: ", "What not to do now, and why", "About this plan")
                .contains("Stop apologizing in words; act instead")
                .doesNotContain("{", "null");
    }

    @Test
    void eachStepAndEachWithheldItemShowsItsIdAfterItsTitleAsTheSamplesNameIt() {
        Run run = halfTruthsAfterTwoApologies();

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "\n  \\d+\\. Stop apologizing in words; act instead  \\[id: act-instead-of-apologizing]\n")
                .contains("\n  - Apologize again  [id: apologize-again]\n    You have made 2 apologies already.");
        // every step line and every withheld line has its id; the words under them have none
        String withheld = run.out().substring(run.out().indexOf("What not to do now, and why"));
        assertThat(run.out().lines().filter(l -> l.matches(" {2}\\d+\\. .*")))
                .isNotEmpty()
                .allMatch(l -> l.matches(".*  \\[id: [a-z0-9-]+]"));
        assertThat(withheld.lines().filter(l -> l.startsWith("  - ")))
                .isNotEmpty()
                .allMatch(l -> l.matches(".*  \\[id: [a-z0-9-]+]"));
        assertThat(run.out().lines().filter(l -> l.startsWith("    "))).noneMatch(l -> l.contains("[id: "));
    }

    @Test
    void theHelpSaysThatTheIdsAreWhatSamplesName() {
        Run run = run("--help");

        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("[id: apologize-again]")
                .contains("absentSteps and withheld");
    }

    @Test
    void safetyFlagsAreACommaSeparatedListAndHelpLinesAreShown() {
        Run run = infidelityWillingToTalk("safety=MY_SELF_HARM,I_FEAR_THEM");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Samaritans").contains("116 123");
    }

    @Test
    void eachHelpLineIsPrintedOnceWithTheFirstStepThatGivesItAsOnThePage() {
        // danger both ways: several safety steps give the emergency numbers and the abuse lines
        Run run = run(
                "--rules",
                RulesFolder.PATH.toString(),
                "role=BROKE_TRUST",
                "relationship=ROMANTIC",
                "breach=INFIDELITY",
                "disclosure=DISCOVERED",
                "readiness=UNDECIDED",
                "daysElapsed=10",
                "apologiesMade=1",
                "contactUnavoidable=true",
                "safety=I_FEAR_THEM,VIOLENCE_BY_THEM");

        assertThat(run.code()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out.split("Emergency services \\(United Kingdom\\): 999", -1))
                .hasSize(2);
        assertThat(out.split("National Domestic Abuse Helpline \\(United Kingdom\\): 0808 2000 247", -1))
                .hasSize(2);
    }

    @Test
    void aWrongAnswerNamesTheFieldAndTheAllowedValues() {
        Run run = run("--rules", RulesFolder.FIXTURE.toString(), "role=BROKE_TRUST", "relationship=ROMANTC");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("relationship: \"ROMANTC\" is not one of its answers")
                .contains("ROMANTIC (", "WORKPLACE (", "FAMILY (", "FRIENDSHIP (");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void answersInTheQuestionnairesOwnWordsGiveTheSamePlanAsItsValues() {
        Run byValues = halfTruthsAfterTwoApologies();
        Run byWords = run(
                "--rules",
                RulesFolder.FIXTURE.toString(),
                "role=i broke someone's trust",
                "Relationship=\"A partner, spouse or someone I was dating.\"",
                "breach=half-truths",
                "readiness=not ready to talk",
                "daysElapsed=20",
                "apologiesMade=2",
                "stillHappening=no");

        assertThat(byWords.code()).as(byWords.err()).isZero();
        assertThat(byWords.out()).isEqualTo(byValues.out());
    }

    /** Infidelity, a partner willing to talk, 20 days on, in the fixture's rules, with these safety answers. */
    private static Run infidelityWillingToTalk(String... safety) {
        List<String> args = new ArrayList<>(List.of(
                "--rules",
                RulesFolder.FIXTURE.toString(),
                "role=BROKE_TRUST",
                "relationship=ROMANTIC",
                "breach=INFIDELITY",
                "readiness=WILLING_TO_TALK",
                "daysElapsed=20"));
        args.addAll(List.of(safety));
        return run(args.toArray(String[]::new));
    }

    @Test
    void safetyAnswersMayBeGivenOneByOneInTheirWordsEvenWithACommaInThem() {
        Run byWords = infidelityWillingToTalk(
                "safety=Yes, an order that protects me from them", "safety=i am afraid of them");
        Run byValues = infidelityWillingToTalk("safety=ORDER_PROTECTING_ME,I_FEAR_THEM");

        assertThat(byWords.code()).as(byWords.err()).isZero();
        assertThat(byWords.out()).isEqualTo(byValues.out());
    }

    @Test
    void wordsThatFitSeveralAnswersOrNoneNameTheFieldAndEachAnswerWithItsWords() {
        Run several = run("--rules", RulesFolder.FIXTURE.toString(), "role=BROKE_TRUST", "relationship=someone");
        Run none = run("--rules", RulesFolder.FIXTURE.toString(), "role=BROKE_TRUST", "relationship=a neighbour");

        assertThat(several.code()).isEqualTo(2);
        assertThat(several.err())
                .contains("relationship: \"someone\" could be more than one answer")
                .contains("ROMANTIC (\"A partner, spouse or someone I was dating\")")
                .contains("WORKPLACE (\"Someone at work\")")
                .doesNotContain("FAMILY");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err())
                .contains("relationship: \"a neighbour\" is not one of its answers")
                .contains("FRIENDSHIP (\"A friend\")");
        assertThat(several.out() + none.out()).isEmpty();
    }

    @Test
    void wordsCloseToOneAnswerAreOfferedBackAndSafetyNoneIsNoSafetyAnswer() {
        Run near = run("--rules", RulesFolder.FIXTURE.toString(), "role=BROKE_TRUST", "breach=broke a promise");
        Run none = infidelityWillingToTalk("safety=none");
        Run without = infidelityWillingToTalk();

        assertThat(near.code()).isEqualTo(2);
        assertThat(near.err())
                .contains("breach: \"broke a promise\" is not one of its answers; did you mean BROKEN_PROMISE"
                        + " (\"Breaking a promise\")? write the value or the words of one of: INFIDELITY");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).isEqualTo(without.out());
    }

    @Test
    void anAnswerWithoutAnEqualsSignIsBadUsage() {
        Run run = run("--rules", RulesFolder.FIXTURE.toString(), "BROKE_TRUST");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("name=value").contains("relationship");
    }

    @Test
    void theTopCommandKnowsPreview() {
        assertThat(Commands.isCommand(new String[] {"preview"})).isTrue();
        assertThat(new CommandLine(Commands.class).getSubcommands()).containsKey("preview");
    }
}
