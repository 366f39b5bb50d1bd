package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * The diff that evaluates one situation of each kind under each rule set ({@link AlikeSituations}) finds exactly what
 * the diff that evaluates every situation under both with the engine finds: the same changed situations, the same
 * groups with the same sets of situations, the same counts of situations without a plan. For an edited condition, for
 * reworded reasons that name answers (so whether a reason changes depends on the situation's own answers), for
 * reworded answers in the questionnaire, and for an edit that leaves some situations with no plan.
 */
class RuleDiffShortcutTest {

    /** One run in this many ({@link Sweep#sampled}). */
    private static final int STRIDE = 401;

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        return RulesCopy.of(dir.resolve(name));
    }

    private static RuleSet build(Path rules) {
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
    }

    private static RuleDiff.Result assertSameAsEvaluatingEverySituation(RuleSet before, RuleSet after) {
        AnswerSpace space = AnswerSpace.of(before, after);
        assertThat(AlikeSituations.of(before, space, 2, true))
                .as("the old rules qualify for the shortcut")
                .isPresent();
        assertThat(AlikeSituations.of(after, space, 2, true))
                .as("the new rules qualify for the shortcut")
                .isPresent();
        // a sample spread over the whole space (all of it takes many minutes; the shortcut checks itself against the
        // engine on every situation it evaluates anyway)
        RuleDiff.Result every = new RuleDiff(2, false, STRIDE).compare(before, after);
        RuleDiff.Result alike = new RuleDiff(2, true, STRIDE).compare(before, after);

        // every STRIDE-th run, whole (a run: the situations that differ only in their safety flags)
        long sampled = LongStream.range(0, space.size() / space.safetySetCount())
                        .filter(run -> Sweep.sampled(run, STRIDE))
                        .count()
                * space.safetySetCount();
        assertThat(every.evaluatedBefore()).isEqualTo(sampled);
        assertThat(every.evaluatedAfter()).isEqualTo(sampled);
        assertThat(alike.evaluatedBefore()).as("one evaluation per kind").isLessThan(sampled);
        assertThat(alike.evaluatedAfter()).as("one evaluation per kind").isLessThan(sampled);
        assertThat(alike.space().describe()).isEqualTo(every.space().describe());
        // the changes and their counts first (a readable failure), then the exact sets of situations
        assertThat(counts(alike)).isEqualTo(counts(every));
        assertThat(alike.changed().equals(every.changed()))
                .as("the same situations change")
                .isTrue();
        for (int g = 0; g < every.groups().size(); g++) {
            assertThat(alike.groups()
                            .get(g)
                            .situations()
                            .equals(every.groups().get(g).situations()))
                    .as("the same situations for %s", every.groups().get(g).change())
                    .isTrue();
        }
        assertThat(alike.errorsBefore()).isEqualTo(every.errorsBefore());
        assertThat(alike.errorsAfter()).isEqualTo(every.errorsAfter());
        assertThat(DiffView.of(alike, "rules", "edited").text())
                .containsPattern("The rules were run for [\\d,]+ of them under the old rules and [\\d,]+ under the new")
                .doesNotContain("The engine");
        return alike;
    }

    /** Each group's change and how many situations it covers, in the report's order. */
    private static List<String> counts(RuleDiff.Result r) {
        List<String> counts = new ArrayList<>();
        counts.add("changed: " + r.changed().getLongCardinality());
        r.groups().forEach(g -> counts.add(g.change() + ": " + g.situations().getLongCardinality()));
        return counts;
    }

    @Test
    void anEditedConditionIsFoundAlikeEitherWay() throws IOException {
        Path edited = copy("condition");
        RulesCopy.edit(
                edited,
                "apologize/apologize.drl",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade == 0 )",
                "Situation( role == Role.BROKE_TRUST, othersAffected, apologiesMade <= 1 )");

        RuleDiff.Result diff = assertSameAsEvaluatingEverySituation(RulesFolder.fixture(), build(edited));

        assertThat(diff.changed().getLongCardinality()).isPositive();
        assertThat(diff.groups()).extracting(g -> g.change().kind()).contains(Change.Kind.STEP_ADDED);
    }

    /**
     * Each reworded reason now says in fixed words what its old template said for one answer, so it changes for the
     * other answers only: a step's why, a withheld item's reason, a classification's reason.
     */
    @Test
    void rewordedReasonsThatNameAnswersAreFoundAlikeEitherWay() throws IOException {
        Path edited = copy("reasons");
        RulesCopy.edit(
                edited,
                "prove/prove.drl",
                "They are engaged ({readiness}).",
                "They are engaged (they are willing to talk).");
        RulesCopy.edit(
                edited,
                "apologize/apologize.drl",
                "You have made {apologiesMade} already. Another apology",
                "You have made 3 apologies already. Another apology");
        RulesCopy.edit(
                edited,
                "situation/classify.drl",
                "you have already apologized ({apologiesMade})",
                "you have already apologized (1 apology)");
        RuleSet before = RulesFolder.fixture();
        RuleSet after = build(edited);

        RuleDiff.Result diff = assertSameAsEvaluatingEverySituation(before, after);

        assertThat(diff.groups())
                .extracting(g -> g.change().text())
                .contains(
                        "step agree-observable-change: why changed",
                        "withheld apologize-again: reason changed",
                        "the reasons for the classification are reworded");
        // the same step, with the answer its new words name, is not reworded
        RuleDiff.Group step = diff.groups().stream()
                .filter(g -> g.change().text().equals("step agree-observable-change: why changed"))
                .findFirst()
                .orElseThrow();
        step.situations().stream()
                .limit(1_000)
                .forEach(i -> assertThat(diff.space().get(i).readiness())
                        .isEqualTo(org.trustrepair.advisor.advice.Readiness.REBUILDING));
    }

    @Test
    void rewordedAnswersInTheQuestionnaireAreFoundAlikeEitherWay() throws IOException {
        Path edited = copy("questionnaire");
        RulesCopy.edit(edited, "questionnaire.yaml", "inReasons: they need space", "inReasons: they need time apart");

        RuleDiff.Result diff = assertSameAsEvaluatingEverySituation(RulesFolder.fixture(), build(edited));

        assertThat(diff.changed().getLongCardinality()).isPositive();
        assertThat(DiffView.of(diff, "rules", "edited").text())
                .as("new words for the same advice are told apart from different advice")
                .containsPattern("\nDifferent advice: 0 situations of [\\d,]+\\.\nSame advice, new words:"
                        + " [\\d,]+ more situations, each with these answers:\n  Which describes you: I broke someone's"
                        + " trust; [^\n]*Where does the other person stand now: They are hurt or angry and not ready to"
                        + " talk");
    }

    @Test
    void situationsWithoutAPlanAreFoundAlikeEitherWay() throws IOException {
        Path edited = copy("two-tracks");
        RulesCopy.edit(
                edited,
                "situation/classify.drl",
                "role == Role.BROKE_TRUST, readiness == Readiness.MOVED_ON )",
                "role == Role.BROKE_TRUST, readiness in ( Readiness.MOVED_ON, Readiness.REBUILDING ) )");

        RuleDiff.Result diff = assertSameAsEvaluatingEverySituation(RulesFolder.fixture(), build(edited));

        assertThat(diff.errorsBefore()).isZero();
        assertThat(diff.errorsAfter()).isPositive();
        assertThat(diff.evaluatedAfter()).isGreaterThanOrEqualTo(diff.errorsAfter());
        assertThat(diff.groups()).extracting(g -> g.change().kind()).contains(Change.Kind.NO_PLAN);
    }
}
