package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.engine.Catalogue;

class ExpectationTest {

    private final Advisor advisor = RulesFolder.advisor();
    private final AdvicePlan plan =
            advisor.advise(Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, 7)
                    .withStillHappening(true));

    private static Expectation only(Track track, List<String> steps, List<String> order, List<String> withheld) {
        return new Expectation(track, null, null, null, null, null, steps, null, order, withheld, null);
    }

    @Test
    void holdsWhenThePlanMatches() {
        assertThat(only(
                                Track.REPAIR,
                                List.of("end-the-affair-now-and-tell-them-in-the-apology"),
                                List.of("STOP before APOLOGIZE"),
                                List.of("press-for-forgiveness"))
                        .failures(plan, advisor.ruleSet().catalogue()))
                .isEmpty();
    }

    @Test
    void namesEveryWayThePlanFallsShort() {
        List<String> failures = only(
                        Track.ACCEPT,
                        List.of("respect-their-decision"),
                        List.of("APOLOGIZE before STOP", "ACCEPT before PROVE"),
                        List.of("apologize-again"))
                .failures(plan, advisor.ruleSet().catalogue());

        // each step, item, phase and track is named as a person reads it (advice.yaml, plan.yaml), its id beside
        assertThat(failures)
                .containsExactly(
                        "track should be ACCEPT (“Accept their decision, and make amends by how you live.”) but is"
                                + " REPAIR (“Repair may be possible: take the steps below in order, without rushing the other person.”)",
                        "step “Accept their decision” (respect-their-decision) should be given but is not",
                        "“Apologize again” (apologize-again) should be withheld but is not",
                        "\"APOLOGIZE before STOP\" does not hold: “Stop” (STOP) comes before “Apologize” (APOLOGIZE)",
                        "\"ACCEPT before PROVE\" cannot hold: “Accept” (ACCEPT) is not in the plan");
    }

    @Test
    void namesTheVariantThePlanGivesInPlaceOfAStep() {
        // after an honest mistake, "Accept their decision" has a text of its own (a variant with the same title): a
        // sample that names the other id is told which the plan gives, and what to write if that is what was meant
        AdvicePlan afterAMistake =
                advisor.advise(Answers.of(Relationship.WORKPLACE, Breach.HONEST_MISTAKE, Readiness.MOVED_ON, 60));
        Catalogue texts = advisor.ruleSet().catalogue();

        assertThat(only(null, List.of("respect-their-decision"), null, null).failures(afterAMistake, texts))
                .containsExactly("step " + texts.named("respect-their-decision") + " should be given but is not: the"
                        + " plan gives " + texts.named("respect-their-decision-after-a-mistake") + ", a variant with"
                        + " the same title, in its place; if that is what the edit meant, write"
                        + " \"respect-their-decision-after-a-mistake\" in the sample instead");
    }

    @Test
    void doesNotSuggestTheVariantWhenTheSampleSaysItShouldNotBeGivenEither() {
        // a counsellor's trial followed "write the variant instead" and broke the sample's own absentSteps
        AdvicePlan afterAMistake =
                advisor.advise(Answers.of(Relationship.WORKPLACE, Breach.HONEST_MISTAKE, Readiness.MOVED_ON, 60));
        Catalogue texts = advisor.ruleSet().catalogue();
        Expectation both = new Expectation(
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("respect-their-decision"),
                List.of("respect-their-decision-after-a-mistake"),
                null,
                null,
                null);

        assertThat(both.failures(afterAMistake, texts))
                .first()
                .asString()
                .contains("a variant with the same title, in its place; this sample says that variant should not be"
                        + " given either")
                .doesNotContain("write \"respect-their-decision-after-a-mistake\" in the sample instead");
    }

    @Test
    void aSampleWrittenForOnePeriodFailsWhenItsDaysFallInAnotherAndSaysWhatToDo() {
        AdvicePlan dayTen =
                advisor.advise(Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.NEEDS_SPACE, 10));
        Expectation firstWeeks =
                new Expectation(null, null, null, Period.FIRST_TWO_WEEKS, null, null, null, null, null, null, null);
        Expectation laterOn =
                new Expectation(null, null, null, Period.UP_TO_THREE_MONTHS, null, null, null, null, null, null, null);

        assertThat(firstWeeks.failures(dayTen, advisor.ruleSet().catalogue())).isEmpty();
        assertThat(laterOn.failures(dayTen, advisor.ruleSet().catalogue()))
                .containsExactly("period should be UP_TO_THREE_MONTHS but is FIRST_TWO_WEEKS (if a period edge moved,"
                        + " give the sample a number of days inside the period it was written for, or write the new"
                        + " period)");
    }

    @Test
    void namesAnIdNoAdviceHasAsSuch() {
        // a misspelt id in a sample has no words: the failure says so, so the counsellor looks at the sample
        assertThat(only(null, List.of("apologise-fully"), null, null)
                        .failures(plan, advisor.ruleSet().catalogue()))
                .containsExactly("step apologise-fully (no advice.yaml has this id) should be given but is not");
    }

    @Test
    void checksTheFirstStepAndAbsences() {
        var e = new Expectation(
                null,
                null,
                null,
                null,
                null,
                List.of(Phase.STOP),
                null,
                List.of("end-the-affair-now-and-tell-them-in-the-apology"),
                null,
                null,
                "crisis-line-first");
        assertThat(e.failures(plan, advisor.ruleSet().catalogue()))
                .containsExactly(
                        "phase “Stop” (STOP) should not be in the plan but is",
                        "step “End the affair now, and tell them it had not ended” (end-the-affair-now-and-tell-them-in-the-apology)"
                                + " should not be given but is",
                        "the first step should be “Reach a crisis line now” (crisis-line-first) but is “Name everyone"
                                + " who was harmed, and how” (name-the-harm)");
    }

    @Test
    void reportsAnOrderLineThatDoesNotReadAsBefore() {
        assertThat(only(null, null, List.of("STOP after APOLOGIZE"), null).mistakes())
                .containsExactly("order \"STOP after APOLOGIZE\" should read \"A before B\"");
    }
}
