package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdvisorTest {

    private final Advisor advisor = RulesFolder.advisor();

    private static Answers answers(Readiness readiness, int apologies) {
        return Answers.of(Relationship.ROMANTIC, Breach.HALF_TRUTHS, readiness, 20)
                .withApologiesMade(apologies);
    }

    private static List<String> ids(AdvicePlan plan) {
        return plan.steps().stream().map(AdvicePlan.Step::id).toList();
    }

    @Test
    void stepsBackInsteadOfApologizingAgain() {
        AdvicePlan plan = advisor.advise(answers(Readiness.NEEDS_SPACE, 2));

        assertThat(plan.classification().track()).isEqualTo(Track.STEP_BACK);
        assertThat(ids(plan))
                .as("the change is lived, and 'no apology' is said by what is held back, not a third time by a step")
                .contains("keep-behaving-differently")
                .doesNotContain("act-instead-of-apologizing")
                .as("stepping back sends nothing more, not even an open door")
                .doesNotContain("apologize-fully", "leave-one-door-open");
        assertThat(plan.withheld()).extracting(AdvicePlan.WithheldAdvice::id).contains("apologize-again");
        assertThat(plan.withheld())
                .filteredOn(w -> w.id().equals("apologize-again"))
                .first()
                .satisfies(w -> assertThat(w.reason()).contains("2 apologies"));
    }

    @Test
    void apologizesOnceWhenOpenAndNoApologyYet() {
        AdvicePlan plan = advisor.advise(answers(Readiness.WILLING_TO_TALK, 0));

        assertThat(plan.classification().track()).isEqualTo(Track.REPAIR);
        assertThat(ids(plan)).containsSubsequence("name-the-harm", "apologize-fully", "agree-observable-change");
    }

    @Test
    void thePersonWhoWasHurtReadsPhaseNamesOfTheirOwn() {
        Answers hurt = new Answers(
                Role.WAS_HURT,
                Relationship.FAMILY,
                Breach.BROKEN_PROMISE,
                null,
                30,
                Disclosure.DISCOVERED,
                false,
                true,
                0,
                false,
                false,
                TheirResponse.MINIMIZES,
                Set.of());

        assertThat(advisor.advise(hurt).steps())
                .as("plan.yaml's phasesForTheHurtParty: showing the change is the other person's task")
                .filteredOn(s -> s.phase() == Phase.PROVE)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.phaseTitle()).isEqualTo("What you can do"));
        assertThat(advisor.advise(answers(Readiness.WILLING_TO_TALK, 0)).steps())
                .filteredOn(s -> s.phase() == Phase.PROVE)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.phaseTitle()).isEqualTo("Show the change"));
    }

    @Test
    void stepsAreInPhaseOrderAndNumbered() {
        AdvicePlan plan = advisor.advise(answers(Readiness.WILLING_TO_TALK, 0).withStillHappening(true));

        assertThat(plan.steps()).extracting(AdvicePlan.Step::phase).isSorted();
        assertThat(plan.steps())
                .extracting(AdvicePlan.Step::order)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, plan.steps().size()).boxed().toList());
        assertThat(ids(plan).indexOf("end-it-completely")).isLessThan(ids(plan).indexOf("apologize-fully"));
    }

    @Test
    void reasonsNameTheAnswersThatLedThere() {
        AdvicePlan plan = advisor.advise(answers(Readiness.NO_CONTACT, 0));

        assertThat(plan.steps())
                .filteredOn(s -> s.id().equals("no-contact-means-none"))
                .first()
                .satisfies(s -> assertThat(s.why()).containsIgnoringCase("they asked for no contact"));
        assertThat(plan.classification().why())
                .isNotEmpty()
                .allSatisfy(w -> assertThat(w).doesNotContain("{"));
    }

    @Nested
    class Safety {
        @Test
        void crisisLineComesFirstForSelfHarm() {
            AdvicePlan plan =
                    advisor.advise(answers(Readiness.WILLING_TO_TALK, 0).withSafety(Set.of(SafetyFlag.MY_SELF_HARM)));

            assertThat(plan.classification().track()).isEqualTo(Track.SAFETY);
            assertThat(plan.steps().get(0).id()).isEqualTo("crisis-line-first");
            assertThat(plan.steps().get(0).helplines())
                    .extracting(AdvicePlan.Helpline::contact)
                    .contains("Call or text 988");
            assertThat(plan.steps()).noneMatch(s -> s.is("apology"));
        }

        @Test
        void noReconciliationWhereThereIsFear() {
            AdvicePlan plan =
                    advisor.advise(answers(Readiness.WILLING_TO_TALK, 0).withSafety(Set.of(SafetyFlag.THEY_FEAR_ME)));

            assertThat(plan.steps()).noneMatch(s -> s.is("apology") || s.is("contact") || s.is("couples-counselling"));
            assertThat(plan.withheld())
                    .extracting(AdvicePlan.WithheldAdvice::id)
                    .contains("apologize-to-them", "couples-counselling", "contact-them");
        }
    }

    @Test
    void sameAnswersAlwaysGiveTheSamePlan() {
        Answers a = answers(Readiness.REBUILDING, 1).withHappenedBefore(true).withOthersAffected(true);
        assertThat(advisor.advise(a)).isEqualTo(advisor.advise(a));
    }
}
