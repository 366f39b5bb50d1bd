package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * {@link Proofs} keeps the last three sweeps, the least recently used forgotten first: the sweep of the rules served
 * now outlives the sweep of an edit refused after it (a Caffeine cache of the same size, which admits by frequency,
 * forgets it: see {@link Proofs}).
 */
class ProofsTest {

    private final List<String> swept = new ArrayList<>();

    /** Counts the sweeps asked for; what is tested is which rules get one, not what a sweep finds. */
    private final Function<RuleSet, Sweep.Result> sweeper = rules -> {
        swept.add(rules.version() + "/" + rules.maxFirings());
        return new Sweep.Result(
                null, 1, Duration.ZERO, Map.of(), Map.of(), 0, null, Map.of(), List.of(), true, null, 1, 1);
    };

    /** The fixture's rules with another firing limit: another decision key, so a sweep of their own. */
    private static RuleSet limitedTo(int maxFirings) {
        return new RuleSetBuilder(maxFirings).build(RuleFiles.fromDirectory(RulesFolder.FIXTURE));
    }

    @Test
    void theSweepOfTheRulesServedOutlivesARefusedEditAndTheOldestGoes() {
        Proofs proofs = new Proofs();
        RuleSet first = limitedTo(10_001);
        RuleSet second = limitedTo(10_002);
        RuleSet third = limitedTo(10_003);
        RuleSet served = limitedTo(10_004);
        RuleSet refused = limitedTo(10_005);
        for (RuleSet rules : List.of(first, second, third, served, refused)) {
            proofs.sweep(rules, sweeper);
        }
        assertThat(swept).hasSize(5);

        proofs.sweep(limitedTo(10_004), sweeper);
        assertThat(swept)
                .as("an edit of the served rules' words reuses their sweep")
                .hasSize(5);

        proofs.sweep(first, sweeper);
        assertThat(swept)
                .as("the oldest sweep was forgotten: only three are kept")
                .hasSize(6)
                .last()
                .isEqualTo(first.version() + "/" + first.maxFirings());
    }

    @Test
    void aFleetSharesItsSweepsThroughTheProofsFolderForTheSameBuildOnly(@TempDir Path folder) {
        // a part sweep (not a proof of the whole space), so that the files need no space of the real size
        Function<RuleSet, Sweep.Result> partSweeper = rules -> {
            swept.add(rules.version() + "/" + rules.maxFirings());
            return new Sweep.Result(
                    null, 1, Duration.ZERO, Map.of(), Map.of(), 0, null, Map.of(), List.of(), false, null, 1, 1);
        };
        RuleSet edited = limitedTo(10_006);
        Proofs checkedBeforePublishing = new Proofs(new ProofFiles(folder, "build-1"));
        Proofs replica = new Proofs(new ProofFiles(folder, "build-1"));
        Proofs replicaOfAnotherBuild = new Proofs(new ProofFiles(folder, "build-2"));

        checkedBeforePublishing.sweep(edited, partSweeper);
        Sweep.Result taken = replica.sweep(limitedTo(10_006), partSweeper);

        assertThat(swept).as("the replica took up the sweep in the folder").hasSize(1);
        assertThat(taken.reusedFrom()).isEqualTo(edited.version());

        replicaOfAnotherBuild.sweep(limitedTo(10_006), partSweeper);
        assertThat(swept)
                .as("a sweep made by other code proves nothing about this one")
                .hasSize(2);
    }
}
