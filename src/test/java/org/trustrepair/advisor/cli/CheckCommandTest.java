package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.proof.Sweep;
import picocli.CommandLine;

/** {@code ./advisor check} as a counsellor meets it: the exit code and what it prints. */
class CheckCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    /** Runs the command as typed; without {@code --cache}, it keeps no sweep (each test stands alone). */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--cache")) {
            all.add("--no-cache");
        }
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theRepositoryRulesHoldEverywhere() throws IOException {
        Path cache = dir.resolve("cache");
        String fixture = org.trustrepair.advisor.advice.RulesFolder.FIXTURE.toString();
        String samples = org.trustrepair.advisor.advice.RulesFolder.FIXTURE_SAMPLES.toString();
        Run run = run(fixture, "--samples", samples, "--cache", cache.toString(), "--threads", "2");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .as("the true reason for a full sweep: nothing kept here by this copy of the advisor")
                .startsWith("Guardrail sweep: on 2 threads (--threads N to change). This is the first check with this"
                        + " copy of the advisor on this computer")
                .containsPattern("2\\. Samples: (\\d+) of \\1 get the plan their expectation describes")
                .as("the steps no sample protects are named by their titles and ids, with how to protect one")
                .containsPattern("Named by no sample \\(\\d+\\): no sample's expectation names these steps")
                .contains("add its id (in brackets) to the \"steps\" or \"withheld\" of a sample")
                .contains("\n      “Let everything else wait” (let-the-rest-wait)\n")
                .as("what a situation is, how many, and which answers are tried together, in the questionnaire's words")
                .contains("What a situation is: one combination of answers that the rules tell apart, not a number"
                        + " of people.")
                .contains("Answers are grouped where no rule or guardrail tells them apart")
                .contains("days: 0–13, 14–89, 90–364, 365–729, 730 or more")
                .doesNotContain("The space:", "BROKE_TRUST:", "[null")
                .containsPattern("Swept [\\d,]+ situations in ")
                .contains("4. Rules that never fire, in any situation: none.")
                .contains("VERDICT: everything holds.")
                .doesNotContain(" BROKEN ")
                .as("the promises that hold are counted on one line, not listed (a counsellor's trial)")
                .containsPattern("holds   all \\d+ promises in guardrails.yaml, over every situation \\(./advisor"
                        + " check --verbose lists each\\)")
                .doesNotContain("holds   1. ");

        // an edit of words only: checked again at once, on the sweep just made
        Path reworded = RulesCopy.of(dir.resolve("reworded"));
        RulesCopy.edit(
                reworded,
                "apologize/advice.yaml",
                "title: Listen until they feel heard",
                "title: Listen until they have said it all");
        Run again = run(reworded.toString(), "--samples", samples, "--cache", cache.toString(), "--verbose");

        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.err()).as("the wait is announced before the report").contains("This takes about a minute");
        assertThat(again.out())
                .startsWith("Guardrail sweep: an earlier sweep stands for these rules, so no thread swept.")
                .as("--verbose lists each promise that holds")
                .contains("holds   1. No contact, direct or indirect")
                .contains("Not swept again: these rules decide exactly as the rules of version "
                        + org.trustrepair.advisor.advice.RulesFolder.fixture().version() + ", swept earlier (")
                .contains("4. Rules that never fire, in any situation: none.")
                .contains("VERDICT: everything holds.");
    }

    @Test
    void aFullSweepAfterNoMatchingCheckDoesNotSayTheEditChangedADecision() {
        // a counsellor's trial: after an edit undone, a words-only edit read "… a condition … changed", as if it had
        Sweep.Result swept = new Sweep.Result(
                () -> null, 1, Duration.ZERO, Map.of(), Map.of(), 0, null, Map.of(), List.of(), true, null, 1, 2);

        assertThat(CheckCommand.threadsLine(swept, 2, CheckCommand.Fresh.DECIDED))
                .contains("No earlier check on this computer was of rules that decide as these do")
                .contains("as after an edit undone, when the rules as they are now were never checked here")
                .doesNotContain("changed)");
    }

    @Test
    void theCommandGivesTheConsoleLogBackAsItWas() {
        // the command quiets the console for its own run; a server or test in the same JVM must get its log back
        String before = System.getProperty("CONSOLE_LOG_THRESHOLD");

        Run run = run(dir.resolve("no-such-folder").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(System.getProperty("CONSOLE_LOG_THRESHOLD")).isEqualTo(before);
    }

    @Test
    void aBrokenRuleExitsOneNamingFileLineAndWhatToDo() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "rule \"Leave one door open, then step back\"\n",
                "rule \"Leave one door open, then step back\"\n  whne\n");

        Run run = run(rules.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("step-back/step-back\\.drl:\\d+: ")
                .contains("what to do: ")
                .contains("VERDICT: NOT READY")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aGuardrailBreakingEditAndAFailingSampleExitOneNamingEach() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // the "door open" message is contact: offered after a no-contact request, it breaks guardrail 1
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "Situation( role == Role.BROKE_TRUST, readiness == Readiness.NEEDS_SPACE, apologiesMade >= 1, !safetyConcern )",
                "Situation( role == Role.BROKE_TRUST, readiness in ( Readiness.NEEDS_SPACE, Readiness.NO_CONTACT ), "
                        + "apologiesMade >= 1, !safetyConcern )");
        Path samples = dir.resolve("samples");
        Files.createDirectories(samples);
        Files.copy(
                org.trustrepair.advisor.advice.RulesFolder.FIXTURE_SAMPLES.resolve(
                        "romantic-blocked-after-infidelity.json"),
                samples.resolve("romantic-blocked-after-infidelity.json"));
        Files.writeString(samples.resolve("expects-too-much.json"), """
        {"id": "expects-too-much",
         "answers": {"relationship": "WORKPLACE", "breach": "HONEST_MISTAKE", "readiness": "WILLING_TO_TALK",
                     "daysElapsed": 3},
         "expected": {"track": "STEP_BACK"}}""");

        Run run = run(rules.toString(), "--samples", samples.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("BROKEN  1. No contact, direct or indirect")
                .as("the others are counted, the broken one keeps its number in guardrails.yaml")
                .containsPattern("holds   the other \\d+ promises in guardrails.yaml")
                .contains("step “Say once that you are there, then step back” (leave-one-door-open) is of kind contact")
                .contains("FAILED  expects-too-much")
                .as("a failing sample names each step and track in the words people read, beside what the file writes")
                .contains("- step “Say once that you are there, then step back” (leave-one-door-open) should not be"
                        + " given but is\n")
                .contains("track should be STEP_BACK (“Step back, and let what you do speak for you.”) but is REPAIR"
                        + " (“There is room to repair, at their pace.”)")
                .contains("VERDICT: NOT READY")
                .contains("guardrail broken in")
                .as("the guardrail is named by its id, as in guardrails.yaml and the guide")
                .contains("guardrail no-contact-after-no-contact in guardrails.yaml; ");

        // a failing sample's answers, and the guardrail's example, are said in the questionnaire's words, only what
        // it asks of that person
        assertThat(run.out())
                .containsPattern(
                        "but is REPAIR \\(“There is room to repair, at their pace\\.”\\)\n {11}its answers:\n {13}Which describes you: I"
                                + " broke someone's trust\n {13}What is the relationship: Someone at work\n")
                .as("and the command that shows the plan it gets")
                .containsPattern("\n {11}read the plan it gets: \\./advisor preview role=BROKE_TRUST"
                        + " relationship=WORKPLACE [^\n]*readiness=WILLING_TO_TALK");
        Matcher example = Pattern.compile("for example(?: \\(\\d different plans\\))?:\n((?: {15}[^\n]*\n)+)")
                .matcher(run.out());
        assertThat(example.find()).as(run.out()).isTrue();
        assertThat(example.group(1))
                .contains("Which describes you: I broke someone's trust\n")
                .contains("Where does the other person stand now: They asked for no contact")
                .contains("How many times have you apologized for it so far: ")
                .doesNotContain("How has the person who broke your trust responded")
                .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b|null|blank");

        // the example comes with the command that shows its plan, and that command runs
        Matcher preview =
                Pattern.compile("read that plan: \\./advisor preview ([^\\n]+)").matcher(run.out());
        assertThat(preview.find()).as(run.out()).isTrue();
        List<String> args = new ArrayList<>(List.of("--rules", rules.toString()));
        args.addAll(List.of(preview.group(1).split(" ")));
        StringWriter planOut = new StringWriter();
        StringWriter planErr = new StringWriter();
        CommandLine previewCli = new CommandLine(new PreviewCommand());
        previewCli.setOut(new PrintWriter(planOut));
        previewCli.setErr(new PrintWriter(planErr));
        assertThat(previewCli.execute(args.toArray(String[]::new)))
                .as(planErr.toString())
                .isZero();
        assertThat(planOut.toString()).contains("Say once that you are there");
    }

    @Test
    void aMissingFolderIsBadUsage() {
        Run run = run(dir.resolve("nowhere").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no rules folder at");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        assertThat(run("rules", "--frobnicate").code()).isEqualTo(2);
    }

    @Test
    void theTopCommandKnowsCheckAndDiff() {
        assertThat(Commands.isCommand(new String[] {"check"})).isTrue();
        assertThat(Commands.isCommand(new String[] {"diff", "a", "b"})).isTrue();
        assertThat(new CommandLine(Commands.class).getSubcommands()).containsKeys("check", "diff");
    }
}
