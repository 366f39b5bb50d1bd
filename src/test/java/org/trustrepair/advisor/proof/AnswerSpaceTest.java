package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
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
import org.trustrepair.advisor.advice.TheirResponse;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** The space is complete where it must be, and its shortcuts never hide a difference the rules could make. */
class AnswerSpaceTest {

    private final RuleSet rules = RulesFolder.fixture();
    private final AnswerSpace space = AnswerSpace.of(rules);
    private final Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses = RulesRead.safetyFlagClasses(rules);

    /** What the guardrails can see of a plan: everything but the wording. */
    private static List<Object> skeleton(AdvicePlan plan) {
        return List.of(
                plan.classification().track(),
                plan.classification().nature(),
                plan.classification().severity(),
                plan.classification().period(),
                plan.steps().stream()
                        .map(s -> s.id() + "/" + s.phase() + "/" + s.rank() + "/" + s.kinds())
                        .toList(),
                plan.withheld().stream().map(w -> w.id() + "/" + w.phase()).toList());
    }

    /**
     * The situation of the space that stands for any answers, found from what its reports say each tried value stands
     * for: a value itself if tried, else the stand-in whose words name it (the last value, which stands for every value
     * not named); for a number, the tried value whose range holds it; for the safety flags, their class.
     */
    private Answers standIn(Answers a) {
        int role = a.role().ordinal();
        int[] sizes = space.sizesWithin(role);
        Map<String, Object> given = Condition.byName(a);
        int[] c = new int[sizes.length];
        for (int d = AnswerSpace.ROLE + 1; d < c.length; d++) {
            Object value = given.get(AnswerSpace.DIMENSIONS.get(d));
            String name = value == null ? "blank" : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
            c[d] = sizes[d] - 1;
            for (int v = 0; v < sizes[d]; v++) {
                int[] range = d == AnswerSpace.DAYS || d == AnswerSpace.APOLOGIES ? space.range(role, d, v) : null;
                boolean standsFor = range != null
                        ? range[0] <= (int) value && (int) value <= range[1]
                        : d == AnswerSpace.SAFETY
                                ? space.safetySets().get(v).equals(safetyClasses.get(value))
                                : space.valueWords(role, d, v).contains(name);
                if (standsFor) {
                    c[d] = v;
                    break;
                }
            }
        }
        return space.at(role, c);
    }

    @Test
    void daysAndApologiesAreTriedOncePerRangeBetweenThresholds() {
        // the fixture compares days with 14, 90, 365 and 730, apologies with 1 and 2
        assertThat(tried(space, AnswerSpace.DAYS)).containsExactly(13, 14, 90, 365, 730);
        assertThat(tried(space, AnswerSpace.APOLOGIES)).containsExactly(0, 1, 2);
    }

    /** The numbers of days or apologies tried (for the first role). */
    static List<Integer> tried(AnswerSpace space, int dimension) {
        return IntStream.range(0, space.sizesWithin(0)[dimension])
                .mapToObj(v -> Integer.valueOf(space.valueWords(0, dimension, v).get(0)))
                .toList();
    }

    @Test
    void everySituationIsDistinctAndValid() {
        Set<String> seen = new HashSet<>();
        // about 200,000 situations spread over the whole space
        for (long index = 0; index < space.size(); index += space.size() / 200_000 | 1) {
            Answers a = space.get(index);
            // when they do not know, readiness is blank: each readiness value tried there stands for blank
            boolean undisclosed = a.disclosure() == Disclosure.UNDISCLOSED;
            assertThat(seen.add(SweepReport.previewCommand(a)) || undisclosed).isTrue();
            if (a.role() == Role.BROKE_TRUST) {
                assertThat(a.readiness() == null).isEqualTo(a.disclosure() == Disclosure.UNDISCLOSED);
            }
            Answers standIn = standIn(a);
            assertThat(standIn(standIn)).isEqualTo(standIn);
        }
        assertThat(space.get(0).role()).isEqualTo(Role.BROKE_TRUST);
        assertThat(space.get(space.size() - 1).role()).isEqualTo(Role.WAS_HURT);
        assertThat(space.get(space.size() - 1).readiness()).isNull();
    }

    @Test
    void setsOfSafetyFlagsInOneClassGetTheSamePlan() {
        Map<Set<SafetyFlag>, Set<SafetyFlag>> classes = RulesRead.safetyFlagClasses(rules);
        assertThat(new HashSet<>(classes.values()))
                .hasSize(space.safetySetCount())
                .hasSizeLessThan(1 << SafetyFlag.values().length);
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) { // each against every class of flags: about 20,000 plans
            Role role = Role.values()[random.nextInt(2)];
            Disclosure disclosure = Disclosure.values()[random.nextInt(4)];
            Answers base = new Answers(
                    role,
                    Relationship.values()[random.nextInt(4)],
                    Breach.values()[random.nextInt(8)],
                    Answers.readinessAsked(role, disclosure) ? Readiness.values()[random.nextInt(6)] : null,
                    random.nextInt(1000),
                    disclosure,
                    random.nextBoolean(),
                    random.nextBoolean(),
                    random.nextInt(4),
                    random.nextBoolean(),
                    random.nextBoolean(),
                    role == Role.WAS_HURT && random.nextBoolean() ? TheirResponse.values()[random.nextInt(5)] : null,
                    null);
            classes.forEach((flags, standIn) -> assertThat(
                            skeleton(rules.evaluate(base.withSafety(flags)).plan()))
                    .as("%s stands for %s", standIn, flags)
                    .isEqualTo(skeleton(rules.evaluate(base.withSafety(standIn)).plan())));
        }
    }

    @Test
    void anyAnswersGetThePlanOfTheSituationThatStandsForThem() {
        Random random = new Random(13);
        SafetyFlag[] flags = SafetyFlag.values();
        for (int i = 0; i < 3_000; i++) {
            Set<SafetyFlag> safety = new HashSet<>();
            for (SafetyFlag f : flags) {
                if (random.nextInt(4) == 0) {
                    safety.add(f);
                }
            }
            Role role = Role.values()[random.nextInt(2)];
            Disclosure disclosure = Disclosure.values()[random.nextInt(4)];
            Readiness readiness =
                    Answers.readinessAsked(role, disclosure) ? Readiness.values()[random.nextInt(6)] : null;
            TheirResponse response = Answers.theirResponseAsked(role) && random.nextInt(6) != 0
                    ? TheirResponse.values()[random.nextInt(5)]
                    : null;
            Answers any = new Answers(
                    role,
                    Relationship.values()[random.nextInt(4)],
                    Breach.values()[random.nextInt(8)],
                    readiness,
                    random.nextInt(3) == 0 ? random.nextInt(36_501) : random.nextInt(800),
                    disclosure,
                    random.nextBoolean(),
                    random.nextBoolean(),
                    random.nextInt(3) == 0 ? random.nextInt(1001) : random.nextInt(5),
                    random.nextBoolean(),
                    random.nextBoolean(),
                    response,
                    safety);
            Answers standIn = standIn(any);
            AdvicePlan plan = rules.evaluate(any).plan();
            AdvicePlan standInPlan = rules.evaluate(standIn).plan();

            assertThat(skeleton(plan))
                    .as("%s stands for %s", SweepReport.previewCommand(standIn), SweepReport.previewCommand(any))
                    .isEqualTo(skeleton(standInPlan));
            for (Guardrail g : Guardrails.of(rules).all()) {
                assertThat(GuardrailsTest.check(g, any, plan).isPresent())
                        .as(g.id())
                        .isEqualTo(GuardrailsTest.check(g, standIn, standInPlan).isPresent());
            }
        }
    }

    @Test
    void theHurtPartysSpaceSkipsWhatNoRuleReadsForThem() {
        assertThat(space.describe()).contains("WAS_HURT").contains("BROKE_TRUST");
        assertThat(RulesRead.fieldsRead(rules, Role.WAS_HURT))
                .doesNotContain("apologiesMade", "disclosure")
                .contains("breach", "safety", "daysElapsed");
        assertThat(RulesRead.fieldsRead(rules, Role.BROKE_TRUST)).contains("apologiesMade", "disclosure", "readiness");
    }
}
