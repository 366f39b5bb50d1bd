package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * The check command's kept sweeps: what is read back is what was swept, example situations included; a sweep is
 * used only for rules with the same decisions and by the same code.
 */
class ProofFilesTest {

    @TempDir
    Path dir;

    private RuleSet build(Path rules) {
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
    }

    @Test
    void aKeptSweepReadsBackAsSweptAndOnlyForTheSameDecisionsAndCode() throws IOException {
        // rules that break a guardrail, so that the kept sweep has counts and examples to give back
        Path broken = RulesCopy.of(dir.resolve("broken"));
        RulesCopy.edit(
                broken,
                "step-back/step-back.drl",
                "readiness == Readiness.MOVED_ON, apologiesMade == 0, " + "!safetyConcern",
                "readiness in ( Readiness.MOVED_ON, Readiness.NO_CONTACT ), apologiesMade == 0, " + "!safetyConcern");
        RuleSet rules = build(broken);
        List<String> swept = new ArrayList<>();
        // every 13th situation: quicker than the whole space, and what is tested is the keeping, not the sweep
        Function<RuleSet, Sweep.Result> sweeper = r -> {
            swept.add(r.version());
            return new Sweep(r, 2).run(AnswerSpace.of(r), 13);
        };
        Path folder = dir.resolve("kept");
        ProofFiles files = new ProofFiles(folder, "code-1");
        assertThat(files.keptForThisCode())
                .as("nothing kept yet: a first check is new here")
                .isFalse();

        Sweep.Result first = files.reusing(sweeper).apply(rules);

        assertThat(files.keptForThisCode()).as("a sweep of this code is kept").isTrue();
        assertThat(new ProofFiles(folder, "code-2").keptForThisCode())
                .as("another build of the advisor has checked nothing here")
                .isFalse();

        assertThat(first.holds()).isFalse();
        assertThat(first.examples()).containsKey(noContact(rules));
        try (var kept = Files.list(folder)) {
            String text = Files.readString(
                    kept.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
            assertThat(text)
                    .as("no made-up answers are written out, only their place in the space")
                    .doesNotContain("BROKE_TRUST", "ROMANTIC");
        }

        RulesCopy.edit(broken, "step-back/advice.yaml", "title: ", "title: (reworded) ");
        RuleSet reworded = build(broken);
        Sweep.Result read = files.reusing(sweeper).apply(reworded);

        assertThat(swept).containsExactly(rules.version());
        assertThat(read.reusedFrom()).isEqualTo(rules.version());
        assertThat(read.situations()).isEqualTo(first.situations());
        assertThat(read.elapsed())
                .isEqualTo(java.time.Duration.ofMillis(first.elapsed().toMillis()));
        assertThat(read.violations()).isEqualTo(first.violations());
        assertThat(read.examples()).isEqualTo(first.examples());
        assertThat(read.errors()).isEqualTo(first.errors());
        assertThat(read.situationsPerRule()).isEqualTo(first.situationsPerRule());
        assertThat(read.rulesNeverFired()).isEqualTo(first.rulesNeverFired());
        assertThat(read.proof()).isEqualTo(first.proof());
        assertThat(read.space().get().describe()).isEqualTo(first.space().get().describe());
        assertThat(SweepReport.text(read, reworded.questionnaire(), true))
                .contains("Not swept again", rules.version())
                .contains(SweepReport.previewCommand(
                        first.examples().get(noContact(rules)).get(0).answers()));

        // another build of the code does not trust it
        new ProofFiles(folder, "code-2").reusing(sweeper).apply(reworded);
        assertThat(swept).containsExactly(rules.version(), reworded.version());
    }

    @Test
    void aKeptSweepThatHoldsDescribesTheSameSpaceWhenAskedFor() {
        RuleSet rules = build(Path.of("rules"));
        AnswerSpace space = AnswerSpace.of(rules);
        // a stand-in for a sweep that found nothing: what is tested is reading it back, not sweeping
        Sweep.Result held = new Sweep.Result(
                () -> space,
                space.size(),
                java.time.Duration.ofSeconds(1),
                java.util.Map.of(),
                java.util.Map.of(),
                0,
                null,
                new java.util.TreeMap<>(),
                List.of(),
                true,
                null,
                space.size(),
                1);
        ProofFiles files = new ProofFiles(dir.resolve("kept"), "code-1");
        files.write(rules, held);

        Sweep.Result read = files.read(rules).orElseThrow();

        assertThat(read.holds()).isTrue();
        assertThat(read.situations()).isEqualTo(space.size());
        assertThat(read.space().get().describe()).isEqualTo(space.describe());
    }

    @Test
    void theCodeOfThisProcessIsStableAndNamesItsClassPath() {
        assertThat(ProofFiles.codeOfThisProcess()).hasSize(64).isEqualTo(ProofFiles.codeOfThisProcess());
    }

    private static Guardrail noContact(RuleSet rules) {
        return Guardrails.of(rules).all().stream()
                .filter(g -> g.id().equals("no-contact-after-no-contact"))
                .findFirst()
                .orElseThrow();
    }
}
