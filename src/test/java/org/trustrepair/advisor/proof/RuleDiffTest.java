package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;
import org.trustrepair.advisor.cli.DiffCommand;
import picocli.CommandLine;

/** The diff reports exactly the situations an edit changes, said by the answers they share. */
class RuleDiffTest {

    @TempDir
    Path dir;

    private static RuleSet build(Path folder) {
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(folder));
    }

    /** The plan as a person sees it, without the version (which always differs between two rule sets). */
    private static Object comparable(RuleSet.Evaluator rules, Answers answers) {
        try {
            AdvicePlan p = rules.evaluate(answers).plan();
            return new AdvicePlan("", p.classification(), p.steps(), p.withheld(), p.disclaimer());
        } catch (EvaluationException e) {
            return "no plan: " + e.getMessage();
        }
    }

    /**
     * Brute force, independent of the diff's own comparison, on every {@code STRIDE}-th situation (about 40,000): each one's plans under both rule sets compared whole, and the diff must say it changed exactly
     * when they differ. (Every situation would take many minutes: the shortcut is compared with the engine on every
     * situation it evaluates anyway.)
     */
    private static final int STRIDE = 401;

    private static long sampledAgreeing(RuleSet before, RuleSet after, AnswerSpace space, RoaringBitmap changed)
            throws Exception {
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long first = (long) t * STRIDE;
                parts.add(pool.submit(() -> {
                    long differ = 0;
                    try (var a = before.newEvaluator();
                            var b = after.newEvaluator()) {
                        for (long i = first; i < space.size(); i += (long) threads * STRIDE) {
                            Answers answers = space.get(i);
                            boolean differs = !comparable(a, answers).equals(comparable(b, answers));
                            assertThat(changed.contains((int) i))
                                    .as("situation %d changed", i)
                                    .isEqualTo(differs);
                            differ += differs ? 1 : 0;
                        }
                    }
                    return differ;
                }));
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEditedConditionChangesExactlyTheSituationsABruteForceComparisonFinds() throws Exception {
        Path edited = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(
                edited,
                "step-back/step-back.drl",
                "apologiesMade >= 2, !safetyConcern",
                "apologiesMade >= 3, !safetyConcern");
        RuleSet before = RulesFolder.fixture();
        RuleSet after = build(edited);

        RuleDiff.Result diff = new RuleDiff(2).compare(before, after);

        // independently: a sample of the same space, evaluated under both, plans compared whole
        AnswerSpace space = AnswerSpace.of(before, after);
        long sampled = sampledAgreeing(before, after, space, diff.changed());
        assertThat(AnswerSpaceTest.tried(space, AnswerSpace.APOLOGIES)).contains(2, 3);
        assertThat(sampled).isPositive();
        long differ = diff.changed().getLongCardinality();

        String text = DiffView.of(diff, "rules", edited.toString()).text();
        assertThat(diff.groups())
                .extracting(g -> g.change().text())
                .containsExactly("step act-instead-of-apologizing no longer given");
        assertThat(text)
                .contains(String.format(
                        "Different advice: %,d situations of %,d, each with these answers:\n  Which describes you: I broke"
                                + " someone's trust; How many times have you apologized for it so far: 2 apologies;"
                                + " Safety questions: no safety concern\n",
                        differ, space.size()))
                .contains("Same advice, new words: 0 more situations.")
                .contains("not a number of people")
                // the step by its title, as the plan shows it; only what is removed, not two lists of steps
                .contains("No longer given: “Stop apologizing in words; act instead” (Step back)")
                .doesNotContain("act-instead-of-apologizing")
                .doesNotContain("before:")
                // the removed step's why, once per example, and the rule that gave it
                .containsPattern("      why it was given: “[^\n]+” \\(from the rule “[^\n]+”\\)\n")
                .doesNotContain("after:")
                // where, its count first, and an example, in the questionnaire's words
                .containsPattern(
                        "      - [\\d,]+ situations:\n        Which describes you: I broke someone's trust\n        How"
                                + " many times have you apologized for it so far: 2 apologies\n        Safety questions: no safety"
                                + " concern\n        Any answer to: What is the relationship; What happened;")
                .contains("for example:\n      Which describes you: I broke someone's trust\n")
                .contains("      How many times have you apologized for it so far: 2 apologies\n")
                // how big the plan was and is, and the command that shows it under the edited rules
                .containsPattern("      steps in the plan: \\d+ with the old rules, \\d+ with the new\n")
                .contains("      read that plan: ./advisor preview --rules=" + edited + " role=BROKE_TRUST ")
                // the words that may still say the old number
                .contains("== Numbers that moved: words to read again ==\n")
                .contains(
                        "  The rule “Stop apologizing in words after two apologies” now says 3 apologies where it said"
                                + " 2 apologies; these words may still say the old number:\n    - the name of the rule"
                                + " “Stop apologizing in words after two apologies” (step-back/step-back.drl:47)");
        // the words are the questionnaire's; only the command to type names the answers as the rules do
        assertThat(text.lines().filter(line -> !line.contains("read that plan: ./advisor preview")))
                .noneMatch(
                        line -> line.matches(".*\\b(BROKE_TRUST|ROMANTIC|NEEDS_SPACE|null|blank|apologiesMade)\\b.*"));
        assertThat(diff.groups().get(0).situations().getLongCardinality()).isEqualTo(differ);
    }

    @Test
    void aCommentOnlyEditChangesNothingAndTheReportSaysSo() throws IOException {
        Path edited = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(edited, "step-back/step-back.drl", "// Step back:", "// A counsellor's note.\n// Step back:");
        Path html = dir.resolve("report/diff.html");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DiffCommand());
        cli.setOut(new PrintWriter(out));

        int code = cli.execute(RulesFolder.FIXTURE.toString(), edited.toString(), "--report", html.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("No change: every situation gets the same advice, in the same words, from both rule sets.")
                .containsPattern(
                        "Nothing evaluated: the two rule sets decide alike and use the same words \\(an edit"
                                + " of comments, layout, the order of rules in a file, or guardrails only\\), so each of the [\\d,]+ situations gets the same plan");
        assertThat(Files.readString(html))
                .startsWith("<!DOCTYPE html>")
                .contains("No change")
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void aGuardrailEditIsAChangeOfPolicyAndNoPlanIsEvaluated() throws IOException {
        Path edited = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(
                edited,
                "guardrails.yaml",
                "returned letters or an order.\"",
                "returned letters or an order, not even a card.\"");
        RulesCopy.edit(
                edited,
                "guardrails.yaml",
                "      noStepOfKind: [apology, contact, reconciliation, couples-counselling]",
                "      noStepOfKind: [apology, contact, reconciliation, couples-counselling]\n      noStepSays: [\"make it up\"]");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DiffCommand());
        cli.setOut(new PrintWriter(out));

        int code = cli.execute(RulesFolder.FIXTURE.toString(), edited.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("No change: every situation gets the same advice, in the same words, from both rule sets.")
                .contains(
                        "Nothing evaluated: the two rule sets decide alike and use the same words (an edit of comments,"
                                + " layout, the order of rules in a file, or guardrails only)")
                .contains("== The promises every plan keeps (guardrails.yaml): a change of policy ==")
                .contains(
                        "Promise changed (no-contact-after-no-contact), before: No contact, direct or indirect, after a"
                                + " no-contact request, a block, returned letters or an order.\n"
                                + "      after: No contact, direct or indirect, after a no-contact request, a block, returned"
                                + " letters or an order, not even a card.")
                .contains("Promise in the same words, checked differently (no-repair-with-abuse:")
                .doesNotContain("(no-concealment)");
    }

    @Test
    void rulesOfAnotherFormatAreExplainedNotDiffed() throws IOException {
        Path older = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(older, "plan.yaml", "disclaimer:", "format: 1\ndisclaimer:");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DiffCommand());
        cli.setErr(new PrintWriter(err));

        int code = cli.execute(older.toString(), RulesFolder.FIXTURE.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("are format 1, those in ")
                .contains("are format 2 (plan.yaml names no format; read from the questionnaire).")
                .contains("format 2 brought contract v2: ten directed safety flags")
                .doesNotContain("do not build");
    }

    @Test
    void aRevisionOrAFolderThatDoesNotExistIsBadUsage() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DiffCommand());
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("no-such-revision-or-folder", "rules")).isEqualTo(2);
        assertThat(cli.execute("--upload-pack=evil", "rules")).isEqualTo(2);
        assertThat(err.toString()).contains("is neither a folder nor a");
    }

    @Test
    void aGitRevisionIsReadAsItsRulesFolder() throws Exception {
        try (RulesSource head = RulesSource.of("HEAD")) {
            assertThat(head.label()).startsWith("rules at HEAD (");
            assertThat(head.folder().resolve("questionnaire.yaml")).exists();
            assertThat(head.folder().resolve("step-back/step-back.drl")).exists();
            build(head.folder());
        }
    }
}
