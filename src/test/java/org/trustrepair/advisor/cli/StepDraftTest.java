package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Case;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** {@code preview --draft=ID}: the rule, words and sample a new step needs, which work once pasted into the files. */
class StepDraftTest {

    @TempDir
    Path dir;

    private static final String[] HURT_PARTNER = {
        "role=WAS_HURT", "relationship=ROMANTIC", "breach=INFIDELITY", "daysElapsed=40", "theirResponse=APOLOGIZED"
    };

    private static PreviewCommandTest.Run draft(Path rules, String id) {
        String[] args = new String[HURT_PARTNER.length + 2];
        args[0] = "--rules=" + rules;
        args[1] = "--draft=" + id;
        System.arraycopy(HURT_PARTNER, 0, args, 2, HURT_PARTNER.length);
        return PreviewCommandTest.run(args);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        return text.substring(start, text.indexOf(to, start) + to.length());
    }

    @Test
    void theDraftPastedAsItStandsGivesTheNewStepInThisSituationAndItsSamplePasses() throws IOException {
        Path rules = dir.resolve("rules");
        FileSystemUtils.copyRecursively(RulesFolder.FIXTURE, rules);
        String out = draft(rules, "write-down-your-questions").out();

        String rule = between(out, "rule \"", "\nend\n").replace("A KEY OF rules/sources.yaml", "SEED");
        String words = between(out, "write-down-your-questions:\n", "kinds: [reflection]\n");
        String sample = out.substring(out.indexOf("\n{\n") + 1, out.indexOf("\n}\n") + 2);
        assertThat(rule).doesNotContain("daysElapsed").contains("PeriodIs( period == Period.UP_TO_THREE_MONTHS )");
        Files.writeString(rules.resolve("hurt-party/hurt-party.drl"), "\n" + rule, StandardOpenOption.APPEND);
        Files.writeString(rules.resolve("hurt-party/advice.yaml"), "\n" + words, StandardOpenOption.APPEND);

        RuleSet edited = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
        Case.Read read = Case.read(new ObjectMapper().readTree(sample), "draft", AnswersReader.strict());
        assertThat(read.problems()).isEmpty();
        AdvicePlan plan = edited.evaluate(read.value().answers()).plan();
        assertThat(plan.steps()).extracting(AdvicePlan.Step::id).contains("write-down-your-questions");
        assertThat(read.value().expected().failures(plan, edited.catalogue())).isEmpty();
    }

    @Test
    void anIdInUseOrNotWrittenAsAnIdGetsNoDraftButWhatToChange() {
        String used = draft(RulesFolder.FIXTURE, "trust-is-your-choice").out();
        String badly = draft(RulesFolder.FIXTURE, "Write Down").out();

        assertThat(used).contains("\"trust-is-your-choice\" is already a step").doesNotContain("rule \"Say in");
        assertThat(badly).contains("small letters and hyphens").doesNotContain("rule \"Say in");
    }
}
