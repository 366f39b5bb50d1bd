package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;

/** The diff's examples are people the questionnaire is likely to meet: the most ordinary of a change's situations. */
class DiffViewTest {

    private static Answers affair(
            Relationship relationship, Disclosure disclosure, int apologies, boolean yes, Set<SafetyFlag> safety) {
        return new Answers(
                Role.BROKE_TRUST,
                relationship,
                Breach.INFIDELITY,
                disclosure == Disclosure.UNDISCLOSED ? null : Readiness.WILLING_TO_TALK,
                20,
                disclosure,
                yes,
                yes,
                apologies,
                yes,
                yes,
                null,
                safety);
    }

    @Test
    void anOrdinarySituationIsLessUnusualThanOneThatCouldHardlyBe() {
        Answers ordinary = affair(Relationship.ROMANTIC, Disclosure.DISCOVERED, 1, false, Set.of());
        Answers everyYes = affair(Relationship.ROMANTIC, Disclosure.DISCOVERED, 1, true, Set.of());
        Answers apologiesForWhatIsUntold = affair(Relationship.ROMANTIC, Disclosure.UNDISCLOSED, 2, false, Set.of());
        Answers anAffairWithAColleague = affair(Relationship.WORKPLACE, Disclosure.DISCOVERED, 1, false, Set.of());
        Answers everyFlag =
                affair(Relationship.ROMANTIC, Disclosure.DISCOVERED, 1, false, EnumSet.allOf(SafetyFlag.class));

        assertThat(DiffView.unusual(ordinary)).isZero();
        assertThat(DiffView.unusual(everyYes)).isEqualTo(4);
        assertThat(DiffView.unusual(apologiesForWhatIsUntold)).isPositive();
        assertThat(DiffView.unusual(anAffairWithAColleague)).isPositive();
        assertThat(DiffView.unusual(everyFlag)).isEqualTo(SafetyFlag.values().length);
    }
}
