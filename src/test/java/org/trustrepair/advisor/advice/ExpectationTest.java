package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    private final AdvicePlan plan = RulesFolder.advisor()
            .advise(Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, 7)
                    .withStillHappening(true));

    private static Expectation only(Track track, List<String> steps, List<String> order, List<String> withheld) {
        return new Expectation(track, null, null, null, null, steps, null, order, withheld, null);
    }

    @Test
    void holdsWhenThePlanMatches() {
        assertThat(only(
                                Track.REPAIR,
                                List.of("end-the-affair-contact"),
                                List.of("STOP before APOLOGIZE"),
                                List.of("press-for-forgiveness"))
                        .failures(plan))
                .isEmpty();
    }

    @Test
    void namesEveryWayThePlanFallsShort() {
        List<String> failures = only(
                        Track.ACCEPT,
                        List.of("respect-their-decision"),
                        List.of("APOLOGIZE before STOP", "ACCEPT before PROVE"),
                        List.of("apologize-again"))
                .failures(plan);

        assertThat(failures)
                .containsExactly(
                        "track should be ACCEPT but is REPAIR",
                        "step respect-their-decision should be given but is not",
                        "apologize-again should be withheld but is not",
                        "\"APOLOGIZE before STOP\" does not hold",
                        "\"ACCEPT before PROVE\" cannot hold: ACCEPT is not in the plan");
    }

    @Test
    void checksTheFirstStepAndAbsences() {
        var e = new Expectation(
                null,
                null,
                null,
                null,
                List.of(Phase.STOP),
                null,
                List.of("end-the-affair-contact"),
                null,
                null,
                "crisis-line-first");
        assertThat(e.failures(plan))
                .containsExactly(
                        "phase STOP should not be in the plan but is",
                        "step end-the-affair-contact should not be given but is",
                        "the first step should be crisis-line-first but is name-the-harm");
    }

    @Test
    void reportsAnOrderLineThatDoesNotReadAsBefore() {
        assertThat(only(null, null, List.of("STOP after APOLOGIZE"), null).mistakes())
                .containsExactly("order \"STOP after APOLOGIZE\" should read \"A before B\"");
    }
}
