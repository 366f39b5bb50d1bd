package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * The sweep that evaluates one situation of each kind ({@link AlikeSituations}) finds exactly what the sweep that
 * evaluates every situation with the engine finds, situation by situation: for the repository's rules, an edit that
 * breaks a guardrail, and an edit that leaves some situations with two tracks (no plan). Rules outside the form the
 * shortcut relies on are refused, with the rule named, and swept the long way.
 */
class AlikeSituationsTest {

    /** One run in this many ({@link Sweep#sampled}). */
    private static final int STRIDE = 47;

    @TempDir
    Path dir;

    private RuleSet edited(String name, String file, String from, String to) throws IOException {
        Path rules = RulesCopy.of(dir.resolve(name));
        RulesCopy.edit(rules, file, from, to);
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
    }

    /** Returns what the engine found on the sample, for a test to say what the sample holds. */
    private static Sweep.Result assertSameAsEvaluatingEverySituation(RuleSet rules) {
        AnswerSpace space = AnswerSpace.of(rules);
        assertThat(AlikeSituations.of(rules, space, 2, true))
                .as("the rules qualify for the shortcut")
                .isPresent();
        // a sample spread over the whole space, the engine on each, against the shortcut on the same ones (all of it
        // takes minutes; the shortcut checks itself against the engine on every situation it evaluates)
        Sweep.Result every = new Sweep(rules, 2, false).run(space, STRIDE);
        Sweep.Result alike = new Sweep(rules, 2, true).run(space, STRIDE);

        // every STRIDE-th run, whole (a run: the situations that differ only in their safety flags)
        long sampled = LongStream.range(0, space.size() / space.safetySetCount())
                        .filter(run -> Sweep.sampled(run, STRIDE))
                        .count()
                * space.safetySetCount();
        assertThat(every.evaluated()).isEqualTo(sampled);
        assertThat(alike.evaluated()).as("one evaluation per kind").isLessThan(sampled);
        assertThat(alike.situations()).isEqualTo(every.situations());
        assertThat(alike.violations()).isEqualTo(every.violations());
        assertThat(alike.examples()).isEqualTo(every.examples());
        assertThat(alike.errors()).isEqualTo(every.errors());
        assertThat(alike.firstError()).isEqualTo(every.firstError());
        assertThat(alike.situationsPerRule()).isEqualTo(every.situationsPerRule());
        assertThat(alike.rulesNeverFired()).isEqualTo(every.rulesNeverFired());
        assertThat(alike.proof()).isEqualTo(every.proof());
        return every;
    }

    @Test
    void theRepositorysRulesAreSweptAlikeEitherWay() {
        RuleSet rules = RulesFolder.fixture();
        assertThat(RulesRead.sameFirings(rules).whyNot()).isNull();
        assertSameAsEvaluatingEverySituation(rules);
    }

    @Test
    void aGuardrailBreakingEditIsFoundAlikeEitherWay() throws IOException {
        RuleSet rules = edited(
                "no-contact",
                "step-back/step-back.drl",
                "readiness == Readiness.MOVED_ON, " + "apologiesMade == 0, !safetyConcern",
                "readiness in ( Readiness.MOVED_ON, Readiness.NO_CONTACT ), " + "apologiesMade == 0, !safetyConcern");
        // the sample holds situations where the guardrail is broken (the check and the reload tests sweep it whole)
        Sweep.Result swept = assertSameAsEvaluatingEverySituation(rules);
        assertThat(swept.violations().values()).anyMatch(n -> n > 0);
        // each broken guardrail is shown by its first situations, in space order, each with a plan of its own
        swept.examples().forEach((g, examples) -> {
            assertThat(examples).hasSizeBetween(1, SweepTally.EXAMPLES);
            assertThat(examples).isSortedAccordingTo(Comparator.comparingLong(Sweep.Example::index));
            assertThat(examples.stream()
                            .map(e -> Set.copyOf(rules.evaluate(e.answers()).firedRules()))
                            .distinct())
                    .as("the rules that fired for each example of %s", g.id())
                    .hasSameSizeAs(examples);
        });
        assertThat(swept.examples().values()).anyMatch(examples -> examples.size() > 1);
    }

    @Test
    void wordsAnAnswerBringsIntoAReasonAreNotTakenForTheKindsOwn() throws IOException {
        // a reason names the breach; hidden behaviour, a broken confidence and "something else" share their kinds, so
        // one situation of a kind may say "hidden behaviour" where the others, for whom the guardrail holds, do not
        Path copy = RulesCopy.of(dir.resolve("answer-words"));
        Path file = copy.resolve("guardrails.yaml");
        Files.writeString(file, Files.readString(file) + """

                  - id: a-confidence-is-not-hidden-behaviour
                    promise: "After a broken confidence, no reason speaks of hidden behaviour."
                    sources: [SEED]
                    when: {breach: BROKEN_CONFIDENCE}
                    then:
                      noReasonSays: ["hidden behaviour"]
                """);
        RuleSet rules = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(copy));
        assertSameAsEvaluatingEverySituation(rules);
        assertThat(new Sweep(rules, 2).run().holds()).isTrue();
    }

    @Test
    void situationsWithoutAPlanAreFoundAlikeEitherWay() throws IOException {
        RuleSet rules = edited(
                "two-tracks",
                "situation/classify.drl",
                "role == Role.BROKE_TRUST, readiness == Readiness.MOVED_ON )",
                "role == Role.BROKE_TRUST, readiness in ( Readiness.MOVED_ON, Readiness.REBUILDING ) )");
        assertThat(assertSameAsEvaluatingEverySituation(rules).errors())
                .as("the sample holds situations with two tracks")
                .isPositive();
    }

    @Test
    void rulesOutsideTheFormAreRefusedByName() throws IOException {
        RuleSet negation = edited(
                "not",
                "apologize/apologize.drl",
                "  Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )\n",
                "  Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )\n"
                        + "  not NatureIs( nature == Nature.COMPETENCE )\n");
        assertThat(RulesRead.sameFirings(negation).whyNot())
                .contains("\"Apologize to the others who were harmed\"", "not a plain pattern");
        assertThat(AlikeSituations.of(negation, AnswerSpace.of(negation), 2, true))
                .isEmpty();

        RuleSet binding = edited(
                "binding",
                "apologize/apologize.drl",
                "  Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )\n",
                "  $s : Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )\n");
        assertThat(RulesRead.sameFirings(binding).whyNot()).contains("\"Apologize to the others who were harmed\"");

        RuleSet salience = edited(
                "salience",
                "apologize/apologize.drl",
                "  @sources(\"SEED, DLZ\")\nwhen",
                "  @sources(\"SEED, DLZ\")\n  salience ( 1 + 2 )\nwhen");
        assertThat(RulesRead.sameFirings(salience).whyNot()).contains("attribute salience");

        RuleSet consequence = edited(
                "consequence",
                "apologize/apologize.drl",
                "  insert( new Advice( \"apologize-to-others-harmed\", Phase.APOLOGIZE, 5 ) );",
                "  insert( new Advice( \"apologize-to-others-harmed\", Phase.APOLOGIZE, 5 ) );\n"
                        + "  System.out.println( \"fired\" );");
        assertThat(RulesRead.sameFirings(consequence).whyNot()).contains("does more than insert a new fact");
    }
}
