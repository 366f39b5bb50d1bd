package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** The space is complete where it must be, and its shortcuts never hide a difference the rules could make. */
class AnswerSpaceTest {

  private final RuleSet rules = RulesFolder.ruleSet();
  private final AnswerSpace space = AnswerSpace.of(rules);

  /** What the guardrails can see of a plan: everything but the wording. */
  private static List<Object> skeleton(AdvicePlan plan) {
    return List.of(plan.classification().track(), plan.classification().nature(),
        plan.classification().severity(), plan.classification().period(),
        plan.steps().stream().map(s -> s.id() + "/" + s.phase() + "/" + s.rank() + "/" + s.kinds()).toList(),
        plan.withheld().stream().map(w -> w.id() + "/" + w.phase()).toList());
  }

  @Test
  void daysAndApologiesAreTriedOnBothSidesOfEveryThreshold() {
    assertThat(space.days()).containsExactly(13, 14, 89, 90, 364, 365, 729, 730, 731);
    assertThat(space.apologies()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void everySituationIsDistinctAndValid() {
    Set<String> seen = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long index = Math.floorMod(random.nextLong(), space.size());
      Answers a = space.get(index);
      seen.add(index + ":" + SweepReport.describe(a));
      if (a.role() == Role.BROKE_TRUST) {
        assertThat(a.readiness()).isNotNull();
      }
    }
    assertThat(space.get(0).role()).isEqualTo(Role.BROKE_TRUST);
    assertThat(space.get(space.size() - 1).role()).isEqualTo(Role.WAS_HURT);
    assertThat(space.get(space.size() - 1).readiness()).isNull();
  }

  @Test
  void setsOfSafetyFlagsInOneClassGetTheSamePlan() {
    Map<Set<SafetyFlag>, Set<SafetyFlag>> classes = RuleSet.safetyFlagClasses(rules);
    assertThat(new HashSet<>(classes.values())).hasSize(space.safetySetCount()).hasSizeLessThan(32);
    Random random = new Random(11);
    for (int i = 0; i < 300; i++) {
      Answers base = new Answers(Role.values()[random.nextInt(2)],
          Relationship.values()[random.nextInt(4)], Breach.values()[random.nextInt(8)],
          Readiness.values()[random.nextInt(6)], random.nextInt(1000), Disclosure.values()[random.nextInt(4)],
          random.nextBoolean(), random.nextBoolean(), random.nextInt(4), random.nextBoolean(), null);
      classes.forEach((flags, standIn) -> assertThat(skeleton(rules.evaluate(base.withSafety(flags)).plan()))
          .as("%s stands for %s", standIn, flags)
          .isEqualTo(skeleton(rules.evaluate(base.withSafety(standIn)).plan())));
    }
  }

  @Test
  void valuesNoRuleNamesGetTheSamePlanAsTheirStandIn() {
    Random random = new Random(13);
    for (int i = 0; i < 500; i++) {
      Answers a = space.get(Math.floorMod(random.nextLong(), space.size()));
      Answers friendship = new Answers(a.role(), a.relationship() == Relationship.FAMILY
          ? Relationship.FRIENDSHIP : a.relationship(), a.breach() == Breach.HIDDEN_BEHAVIOUR ? Breach.OTHER
          : a.breach(), a.readiness(), a.daysElapsed() + (a.daysElapsed() == 731 ? 5000 : 0),
          a.disclosure() == Disclosure.CONFESSED ? Disclosure.DISCOVERED : a.disclosure(), a.stillHappening(),
          a.happenedBefore(), a.apologiesMade() == 3 ? 40 : a.apologiesMade(), a.othersAffected(), a.safety());
      assertThat(skeleton(rules.evaluate(friendship).plan())).isEqualTo(skeleton(rules.evaluate(a).plan()));
    }
  }
}
