package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** A rule that re-triggers itself is stopped by the firing limit or the time limit, and leaves nothing behind. */
class RunawayEvaluationTest {

    @TempDir
    Path dir;

    private static Answers answers(int days) {
        return new Answers(
                Role.BROKE_TRUST,
                Relationship.ROMANTIC,
                Breach.HALF_TRUTHS,
                Readiness.NEEDS_SPACE,
                days,
                Disclosure.DISCOVERED,
                false,
                false,
                2,
                false,
                false,
                null,
                EnumSet.noneOf(SafetyFlag.class));
    }

    private RuleSet runaway(int maxFirings, Duration maxTime) {
        return new RuleSetBuilder(maxFirings, maxTime).build(RuleFiles.fromDirectory(RunawayRules.writeTo(dir)));
    }

    @Test
    void theFiringLimitStopsALoopingRule() {
        RuleSet rules = runaway(10_000, Duration.ofMinutes(1));

        assertThatThrownBy(() -> rules.evaluate(answers(RunawayRules.DAYS)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("fired more than 10000 times")
                .hasMessageContaining("Spin again, for ever");
    }

    @Test
    void theTimeLimitStopsALoopingRuleWhenTheFiringLimitIsOutOfReach() {
        RuleSet rules = runaway(Integer.MAX_VALUE - 1, Duration.ofMillis(300));
        // a first evaluation builds parts of the network lazily (slow on a busy machine): done before the timed one,
        // again if the busy machine made it miss the limit
        for (int tries = 0; tries < 5; tries++) {
            try {
                rules.evaluate(answers(20));
                break;
            } catch (EvaluationException slow) {
                // warming up: the next try finds the network built
            }
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> rules.evaluate(answers(RunawayRules.DAYS)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("longer than 300 ms")
                .hasMessageContaining("Spin again, for ever");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(300).isLessThan(5_000);
    }

    /** Days after the fact for which {@link #DOZE} waits. */
    private static final int DOZE_DAYS = 4343;

    /** A rule that waits 60 ms, eight times over: half a second on the wall clock, next to no processor time. */
    private static final String DOZE = """
      package trustrepair;

      import org.trustrepair.advisor.advice.*;
      import org.trustrepair.advisor.advice.facts.*;

      declare Doze
        turns : int
      end

      rule "Start dozing for the busy machine test situation"
        @id("doze-start")
        @reason("A test rule that starts a slow, finite loop.")
        @sources("SEED")
      when
        Situation( daysElapsed == %d )
      then
        insert( new Doze( 0 ) );
      end

      rule "Doze, eight times over"
        @id("doze-again")
        @reason("A test rule that waits, as a busy machine makes an evaluation wait.")
        @sources("SEED")
      when
        $doze : Doze( $turns : turns < 8 )
      then
        java.util.concurrent.locks.LockSupport.parkNanos( 60000000L );
        modify( $doze ) { setTurns( $turns + 1 ) };
      end
      """.formatted(DOZE_DAYS);

    @Test
    void anEvaluationThatWaitsRatherThanWorksIsNotCutOff(@TempDir Path other) throws Exception {
        Path folder = RunawayRules.writeTo(other);
        Files.writeString(folder.resolve("runaway/runaway.drl"), DOZE); // in place of the runaway rule
        RuleSet rules = new RuleSetBuilder(10_000, Duration.ofMillis(300)).build(RuleFiles.fromDirectory(folder));
        for (int tries = 0; tries < 5; tries++) { // a first evaluation builds parts of the network lazily
            try {
                rules.evaluate(answers(20));
                break;
            } catch (EvaluationException slow) {
                // warming up
            }
        }

        long start = System.nanoTime();
        Evaluation evaluation = rules.evaluate(answers(DOZE_DAYS));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("longer than the limit on the wall clock").isGreaterThan(300);
        assertThat(evaluation.firedRules()).contains("Doze, eight times over");
        assertThat(evaluation.plan().steps()).isNotEmpty();
    }

    @Test
    void aReusedEvaluatorComesCleanOutOfARunaway() {
        // generous: a rule set's first evaluation builds parts of the network lazily (≈ 250 ms on a busy machine)
        RuleSet rules = runaway(Integer.MAX_VALUE - 1, Duration.ofMillis(1_000));
        AdvicePlan expected = rules.evaluate(answers(20)).plan();

        try (RuleSet.Evaluator evaluator = rules.newEvaluator()) {
            assertThatThrownBy(() -> evaluator.evaluate(answers(RunawayRules.DAYS)))
                    .isInstanceOf(EvaluationException.class);
            Evaluation next = evaluator.evaluate(answers(20));

            assertThat(next.plan()).isEqualTo(expected);
            assertThat(next.firedRules()).noneMatch(rule -> rule.startsWith("Spin"));
            assertThatThrownBy(() -> evaluator.evaluate(answers(RunawayRules.DAYS)))
                    .as("the limit holds again on the renewed session")
                    .hasMessageContaining("longer than 1000 ms");
        }
    }
}
