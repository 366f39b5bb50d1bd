package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import picocli.CommandLine;

/**
 * {@code ./advisor diff} as a counsellor meets it: the report's last line says what the exit code means, so that a 1
 * (the rules give different advice) is not taken for a failure. What the report says is tested on the proof's side
 * ({@code DiffReportTest}, {@code RuleDiffTest}).
 */
class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void twoFoldersThatDecideAlikeExitWithZeroAndTheLastLineSaysWhy() throws IOException {
        Path copy = RulesCopy.of(dir.resolve("rules"));
        PreviewCommandTest.Run run = run(RulesFolder.FIXTURE.toString(), copy.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("No change: every situation gets the same advice");
        assertThat(run.out().strip().lines().reduce((a, b) -> b))
                .hasValue(DiffCommand.exitLine(0))
                .hasValueSatisfying(last -> assertThat(last).startsWith("Exit code 0: "));
    }

    @Test
    void exitCodeOneIsSaidToBeADifferenceNotAnError() {
        assertThat(DiffCommand.exitLine(1))
                .startsWith("Exit code 1: the rule sets give some situations different advice")
                .contains("not an error");
    }

    @Test
    void aSideThatIsNotThereIsBadUsageWithNoReport() {
        PreviewCommandTest.Run run = run(dir.resolve("nowhere").toString(), RulesFolder.FIXTURE.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("Exit code");
        assertThat(run.err()).contains("advisor diff: ");
    }

    @Test
    void theHelpKeepsTheExitCodes() {
        PreviewCommandTest.Run run = run("--help");

        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("Exit code: 0 no change")
                .contains("1 some advice or its words change (not an error");
    }

    private static PreviewCommandTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DiffCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new PreviewCommandTest.Run(code, out.toString(), err.toString());
    }
}
