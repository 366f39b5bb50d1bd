package org.trustrepair.advisor.advice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RulesCopy;

/** An edit that leaves every rule file as it was is not compiled again; any change to a rule file is. */
class RuleCompilerTest {

    @TempDir
    Path dir;

    private static KieBase compile(Path rules) {
        List<RuleProblem> problems = new ArrayList<>();
        KieBase base = RuleCompiler.compile(RuleFiles.fromDirectory(rules), Map.of(), problems);
        assertThat(problems).isEmpty();
        return base;
    }

    @Test
    void theSameRuleFilesShareOneBaseAndAnEditedRuleIsCompiledAnew() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        KieBase first = compile(rules);

        RulesCopy.edit(rules, "step-back/advice.yaml", "title: ", "title: (reworded) ");
        assertThat(compile(rules)).as("only a text changed").isSameAs(first);

        RulesCopy.edit(rules, "step-back/step-back.drl", "apologiesMade == 0", "apologiesMade < 1");
        KieBase edited = compile(rules);
        assertThat(edited).as("a rule changed").isNotSameAs(first);
        assertThat(compile(rules)).isSameAs(edited);
    }
}
