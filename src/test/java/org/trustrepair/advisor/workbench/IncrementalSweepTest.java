package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * The sweep of an edit made from the sweep before it is the full sweep of the edited rules, situation by situation:
 * compared for an edit that breaks a guardrail, a new withheld item with its own text, and a rank; and given up for
 * edits it cannot bound.
 */
class IncrementalSweepTest {

    private static Sweep.Result base;

    @TempDir
    Path dir;

    @BeforeAll
    static void sweepTheRepositoryRules() {
        base = new Sweep(RulesFolder.ruleSet(), 2).runDetailed(AnswerSpace.of(RulesFolder.ruleSet()));
    }

    private RuleSet edited(String name, String file, String from, String to) throws IOException {
        Path rules = RulesCopy.of(dir.resolve(name));
        RulesCopy.edit(rules, file, from, to);
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
    }

    private static void assertSameAsTheFullSweep(RuleSet after, IncrementalSweep.Made made) {
        assertSameAsTheFullSweep(after, made, 4);
    }

    /** Also: at most a {@code part}-th of the situations were evaluated again. */
    private static void assertSameAsTheFullSweep(RuleSet after, IncrementalSweep.Made made, int part) {
        Sweep.Result full = new Sweep(after, 2).runDetailed(AnswerSpace.of(after));
        Sweep.Result inc = made.result();
        assertThat(inc.situations()).isEqualTo(full.situations());
        assertThat(inc.violations()).isEqualTo(full.violations());
        assertThat(inc.firstViolation()).isEqualTo(full.firstViolation());
        assertThat(inc.errors()).isEqualTo(full.errors());
        assertThat(inc.firstError()).isEqualTo(full.firstError());
        assertThat(inc.situationsPerRule()).isEqualTo(full.situationsPerRule());
        assertThat(inc.rulesNeverFired()).isEqualTo(full.rulesNeverFired());
        assertThat(inc.proof()).isEqualTo(full.proof()).isTrue();
        assertThat(inc.holds()).isEqualTo(full.holds());
        assertThat(inc.detail().violating()).isEqualTo(full.detail().violating());
        assertThat(inc.detail().errors()).isEqualTo(full.detail().errors());
        assertThat(inc.detail().firedBy()).isEqualTo(full.detail().firedBy());
        assertThat(made.evaluatedAgain()).isPositive().isLessThan(full.situations() / part);
    }

    @Test
    void aGuardrailBreakingConditionIsFoundAsTheFullSweepFindsIt() throws IOException {
        RuleSet after = edited(
                "no-contact",
                "step-back/step-back.drl",
                "readiness == Readiness.MOVED_ON, " + "apologiesMade == 0, !safetyConcern",
                "readiness in ( Readiness.MOVED_ON, Readiness.NO_CONTACT ), " + "apologiesMade == 0, !safetyConcern");

        IncrementalSweep.Made made =
                IncrementalSweep.of(base, RulesFolder.ruleSet(), after, 2).orElseThrow();

        assertThat(made.result().holds()).isFalse();
        assertThat(made.result().violations().get(Guardrail.NO_CONTACT_AFTER_NO_CONTACT))
                .isPositive();
        assertSameAsTheFullSweep(after, made);
    }

    @Test
    void aNewWithheldItemWithItsOwnTextAndARankAreTheFullSweepsToo() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("withheld"));
        RulesCopy.edit(
                rules,
                "hurt-party/hurt-party.drl",
                "package trustrepair;\n",
                "package trustrepair;\n\n"
                        + "rule \"No big decisions in the first two weeks\"\n"
                        + "  @id(\"hurt-withhold-decisions-early\")\n"
                        + "  @reason(\"It is very recent ({daysElapsed}). Big decisions made in shock are often regretted.\")\n"
                        + "  @sources(\"FB05\")\n"
                        + "when\n"
                        + "  Situation( role == Role.WAS_HURT )\n"
                        + "  PeriodIs( period == Period.FIRST_TWO_WEEKS )\n"
                        + "then\n"
                        + "  insert( new Withhold( \"decide-about-the-relationship\", Phase.ACCEPT ) );\n"
                        + "end\n");
        java.nio.file.Files.writeString(
                rules.resolve("hurt-party/advice.yaml"),
                "decide-about-the-relationship:\n"
                        + "  title: Decide now whether to stay or leave\n"
                        + "  detail: >-\n    Making the big decision about the relationship straight away.\n"
                        + "  kinds: [action]\n",
                java.nio.file.StandardOpenOption.APPEND);
        RulesCopy.edit(
                rules,
                "apologize/apologize.drl",
                "new Advice( \"apologize-to-others-harmed\", Phase.APOLOGIZE, 5 )",
                "new Advice( \"apologize-to-others-harmed\", Phase.APOLOGIZE, 6 )");
        RuleSet after = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));

        IncrementalSweep.Made made =
                IncrementalSweep.of(base, RulesFolder.ruleSet(), after, 2).orElseThrow();

        assertThat(made.result().situationsPerRule().get("No big decisions in the first two weeks"))
                .isPositive();
        assertSameAsTheFullSweep(after, made);
    }

    @Test
    void whatARuleDoesChangesOnlyWhereItFiredBefore() throws IOException {
        // no condition on the situation, but the same conditions: it fires where it fired, and nowhere else
        RuleSet after = edited(
                "same-conditions",
                "acceptance/acceptance.drl",
                "new Advice( \"respect-their-decision\", Phase.ACCEPT, 1 )",
                "new Advice( \"respect-their-decision\", Phase.ACCEPT, 2 )");

        IncrementalSweep.Made made =
                IncrementalSweep.of(base, RulesFolder.ruleSet(), after, 2).orElseThrow();

        assertThat(made.evaluatedAgain())
                .isEqualTo(base.detail()
                        .firedBy()
                        .get("Respect their decision when they have moved on")
                        .cardinality());
        assertSameAsTheFullSweep(after, made);
    }

    @Test
    void aRuleChangedOnlyInItsConditionsIsSweptOnlyWhereOldAndNewConditionsDisagree() throws IOException {
        RuleSet after = edited(
                "conditions-only",
                "apologize/apologize.drl",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade <= 1 )");
        assertThat(AnswerSpace.of(after).sameSituations(base.space())).isTrue();

        IncrementalSweep.Made made =
                IncrementalSweep.of(base, RulesFolder.ruleSet(), after, 2).orElseThrow();

        // where it fired before (no apology yet) it fires still, and the same way: only one apology made is new
        long disagree = java.util.stream.LongStream.range(0, base.space().size())
                .mapToObj(base.space()::get)
                .filter(a -> a.role() == org.trustrepair.advisor.advice.Role.BROKE_TRUST
                        && a.othersAffected()
                        && a.apologiesMade() == 1)
                .count();
        assertThat(made.evaluatedAgain()).isEqualTo(disagree);
        // of those, the engine evaluates only kinds of situation the sweep before the edit never met: most situations
        // that may change keep the rules they fired, and their kinds are carried over
        assertThat(made.result().evaluated()).isPositive().isLessThan(disagree / 20);
        assertSameAsTheFullSweep(after, made);
    }

    @Test
    void aRuleChangedInItsConditionsAndInWhatItDoesOrSaysIsSweptWhereverItFiredToo() throws IOException {
        RuleSet rank = edited(
                "conditions-and-rank",
                "apologize/apologize.drl",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )\n  TrackIs( track == Track.REPAIR )\n"
                        + "then\n  insert( new Advice( \"apologize-to-others-harmed\", Phase.APOLOGIZE, 5 )",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade <= 1 )\n  TrackIs( track == Track.REPAIR )\n"
                        + "then\n  insert( new Advice( \"apologize-to-others-harmed\", Phase.APOLOGIZE, 6 )");
        Path reasonCopy = RulesCopy.of(dir.resolve("conditions-and-reason"));
        RulesCopy.edit(
                reasonCopy,
                "apologize/apologize.drl",
                "they are owed their own acknowledgement",
                "they are owed an acknowledgement of their own");
        RulesCopy.edit(
                reasonCopy,
                "apologize/apologize.drl",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade <= 1 )");
        RuleSet reason = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(reasonCopy));

        long mayFire = java.util.stream.LongStream.range(0, base.space().size())
                .mapToObj(base.space()::get)
                .filter(a -> a.role() == org.trustrepair.advisor.advice.Role.BROKE_TRUST
                        && a.othersAffected()
                        && a.apologiesMade() <= 1)
                .count();
        for (RuleSet after : List.of(rank, reason)) {
            IncrementalSweep.Made made =
                    IncrementalSweep.of(base, RulesFolder.ruleSet(), after, 2).orElseThrow();
            assertThat(made.evaluatedAgain()).isEqualTo(mayFire);
            assertSameAsTheFullSweep(after, made);
        }
    }

    @Test
    void editsThatChangeTheSpaceAreSweptFromTheSituationsThatStoodForTheNewOnes() throws IOException {
        // a new number to compare with, and a value named for the first time: the space itself changes
        RuleSet threshold = edited(
                "threshold",
                "step-back/step-back.drl",
                "apologiesMade >= 2, !safetyConcern",
                "apologiesMade >= 4, !safetyConcern");
        RuleSet named = edited(
                "named",
                "prove/prove.drl",
                "Situation( role == Role.BROKE_TRUST, relationship == Relationship.ROMANTIC )",
                "Situation( role == Role.BROKE_TRUST, relationship in ( Relationship.ROMANTIC, Relationship.FAMILY ) )");

        for (RuleSet after : List.of(threshold, named)) {
            AnswerSpace space = AnswerSpace.of(after);
            assertThat(space.sameSituations(base.space())).isFalse();
            int[] from = space.standInsIn(base.space());
            for (int i = 0; i < from.length; i += 7) {
                assertThat(base.space().get(from[i])).isEqualTo(base.space().representativeOf(space.get(i)));
            }
            IncrementalSweep.Made made =
                    IncrementalSweep.of(base, RulesFolder.ruleSet(), after, 2).orElseThrow();
            // the threshold is on a rule that fires for half of the new space
            assertSameAsTheFullSweep(after, made, 1);
        }
    }

    @Test
    void editsItCannotBoundAreLeftToTheFullSweep() throws IOException {
        // new conditions for a rule with no condition on the situation itself
        RuleSet noSituation = edited(
                "no-situation",
                "acceptance/acceptance.drl",
                "when\n  TrackIs( track == Track.ACCEPT )\nthen\n  insert( new Advice( \"respect-their-decision\"",
                "when\n  TrackIs( track in ( Track.ACCEPT, Track.STEP_BACK ) )\nthen\n  insert( new Advice( "
                        + "\"respect-their-decision\"");
        // the kinds of a text an unchanged rule gives
        RuleSet kinds = edited(
                "kinds",
                "apologize/advice.yaml",
                "decision. Then apologize.\n  kinds: [contact]",
                "decision. Then apologize.\n  kinds: [contact, apology]");

        assertThat(IncrementalSweep.of(base, RulesFolder.ruleSet(), noSituation, 2))
                .isEmpty();
        assertThat(IncrementalSweep.of(base, RulesFolder.ruleSet(), kinds, 2)).isEmpty();
    }
}
