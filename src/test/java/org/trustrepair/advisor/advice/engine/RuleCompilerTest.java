package org.trustrepair.advisor.advice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RulesCopy;

/**
 * An edit that leaves every rule file as it was is not compiled again; an edited file is compiled on its own and the
 * others are kept; what compiles only among all the files, or is refused among them, is judged by one compiler.
 */
class RuleCompilerTest {

    @TempDir
    Path dir;

    private static KieBase compile(Path rules, List<RuleProblem> problems) {
        Map<String, String> drl = RuleCompiler.drlSources(RuleFiles.fromDirectory(rules), problems);
        return RuleCompiler.compile(drl, problems);
    }

    private static KieBase compile(Path rules) {
        List<RuleProblem> problems = new ArrayList<>();
        KieBase base = compile(rules, problems);
        assertThat(problems).isEmpty();
        return base;
    }

    private static List<String> ruleNames(KieBase base) {
        return base.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(Rule::getName)
                .sorted()
                .toList();
    }

    /** A rule file of one rule that does nothing, with its metadata. */
    private static String oneRule(String name, String condition) {
        return """
                package trustrepair;
                import org.trustrepair.advisor.advice.facts.*;
                rule "%s"
                  @id("test-one-rule") @reason("A test.") @sources("SEED")
                when
                  %s
                then
                end
                """.formatted(name, condition);
    }

    @Test
    void theSameRuleFilesShareOneBaseAndOnlyAnEditedFileIsCompiledAnew() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        KieBase first = compile(rules);

        RulesCopy.edit(rules, "step-back/advice.yaml", "title: ", "title: (reworded) ");
        assertThat(compile(rules)).as("only a text changed").isSameAs(first);

        RulesCopy.edit(rules, "step-back/step-back.drl", "apologiesMade == 0", "apologiesMade < 1");
        KieBase edited = compile(rules);
        assertThat(edited).as("a rule changed").isNotSameAs(first);
        assertThat(RuleCompiler.compiledByLastBuild()).containsExactly("step-back/step-back.drl");
        assertThat(ruleNames(edited)).isEqualTo(ruleNames(first));
        assertThat(compile(rules)).isSameAs(edited);
    }

    @Test
    void aTypeDeclaredInOneFileAndUsedInAnotherCompilesAsOneCompilerSeesThem() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Files.writeString(rules.resolve("situation/marker.drl"), """
                package trustrepair;
                declare Marker
                  note : String
                end
                """);
        Files.writeString(rules.resolve("step-back/uses-marker.drl"), oneRule("A marker is noticed", "Marker( )"));
        assertThat(ruleNames(compile(rules))).contains("A marker is noticed");
    }

    @Test
    void aRuleNameUsedInTwoFilesIsRefusedWithItsFileAndLine() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        String name = ruleNames(compile(rules)).get(0);
        Files.writeString(rules.resolve("step-back/again.drl"), oneRule(name, "Situation( )"));
        List<RuleProblem> problems = new ArrayList<>();
        assertThat(compile(rules, problems)).isNull();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("Duplicate rule name").contains(name);
            assertThat(p.file()).endsWith(".drl");
            assertThat(p.line()).isPositive();
            assertThat(p.hint()).isEqualTo("Two rules have the same name; every rule needs its own.");
        });
    }
}
