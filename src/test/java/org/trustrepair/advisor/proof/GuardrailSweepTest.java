package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.RulesFolder;

/**
 * The proof: every situation the rules can tell apart gets a plan that keeps every guardrail. Writes the figures to
 * target/guardrail-sweep.txt.
 */
class GuardrailSweepTest {

    @Test
    void everyGuardrailHoldsForEverySituation() throws IOException {
        Sweep.Result result = new Sweep(RulesFolder.ruleSet()).run();
        String report = SweepReport.text(result, RulesFolder.ruleSet().questionnaire(), true);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/guardrail-sweep.txt"), report);
        System.out.println(report);

        assertThat(result.proof())
                .as("the sweep covers every value the rules can tell apart")
                .isTrue();
        assertThat(result.situations()).isGreaterThan(1_000_000);
        assertThat(result.holds()).as(report).isTrue();
        assertThat(result.rulesNeverFired())
                .as("rules that fire nowhere in the space")
                .isEmpty();
    }
}
