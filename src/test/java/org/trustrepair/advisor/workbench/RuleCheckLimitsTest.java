package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RunawayRules;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleFiles;

/** A rule set taken up by a live reload keeps the server's evaluation time limit. */
class RuleCheckLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aReloadedRuleSetStopsAtTheConfiguredTime() {
        RuleFiles files = RuleFiles.fromDirectory(RunawayRules.writeTo(dir.resolve("rules")));
        // firing limit out of reach, no sweep, no samples: only the time limit can stop the runaway rule
        RuleCheck.Outcome outcome = new RuleCheck(Integer.MAX_VALUE - 1, null)
                .withMaxEvaluationTime(Duration.ofMillis(300))
                .run(files, dir.resolve("no-samples"), true);
        assertThat(outcome.ruleSet()).isNotNull();

        Answers runaway = new Answers(
                Role.BROKE_TRUST,
                Relationship.ROMANTIC,
                Breach.HALF_TRUTHS,
                Readiness.NEEDS_SPACE,
                RunawayRules.DAYS,
                Disclosure.DISCOVERED,
                false,
                false,
                0,
                false,
                false,
                null,
                EnumSet.noneOf(SafetyFlag.class));
        assertThatThrownBy(() -> outcome.ruleSet().evaluate(runaway))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("longer than 300 ms");
    }
}
