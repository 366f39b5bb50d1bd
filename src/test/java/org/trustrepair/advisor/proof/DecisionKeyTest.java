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
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * Which edits keep the decisions (and so the sweep's outcome) and which do not: rewording a text, a reason or a source,
 * or adding a comment keeps the decision key; changing a condition, a rank, the kinds of a text, or the answers a
 * reason names changes it. {@link Proofs} sweeps only rule sets whose key it has not seen.
 */
class DecisionKeyTest {

    @TempDir
    Path dir;

    private int copies;

    private RuleSet edited(String file, String from, String to) throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules-" + copies++));
        RulesCopy.edit(rules, file, from, to);
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
    }

    @Test
    void rewordingAndCommentsKeepTheDecisions() throws IOException {
        RuleSet original = RulesFolder.fixture();
        List<RuleSet> reworded = List.of(
                edited("apologize/advice.yaml", "title: Listen until they feel heard", "title: Listen first, fully"),
                edited("apologize/advice.yaml", "decision. Then apologize.", "decision. Only then apologize."),
                edited("apologize/apologize.drl", "An apology lands better after", "An apology is heard better after"),
                edited("apologize/apologize.drl", "@sources(\"FB05\")", "@sources(\"FB05, SEED\")"),
                edited(
                        "apologize/apologize.drl",
                        "then\n  insert( new Advice( \"listen-first\"",
                        "then\n  // a counsellor's note: \"keep this\" /* not code */\n  insert( new Advice( \"listen-first\""),
                edited(
                        "apologize/apologize.drl",
                        "rule \"Apologize fully, once\"",
                        "/* Reviewed in March, with the team's notes. */\nrule \"Apologize fully, once\""));

        for (RuleSet rules : reworded) {
            assertThat(rules.version()).isNotEqualTo(original.version());
            assertThat(RulesRead.decisionKey(rules)).isEqualTo(RulesRead.decisionKey(original));
        }
    }

    @Test
    void changingWhatIsDecidedChangesTheKey() throws IOException {
        RuleSet original = RulesFolder.fixture();
        List<RuleSet> changed = List.of(
                // a condition
                edited(
                        "apologize/apologize.drl",
                        "Situation( role == Role.BROKE_TRUST, apologiesMade == 0 )\n"
                                + "  PeriodIs( period == Period.FIRST_TWO_WEEKS )",
                        "Situation( role == Role.BROKE_TRUST, "
                                + "apologiesMade <= 1 )\n  PeriodIs( period == Period.FIRST_TWO_WEEKS )"),
                // a rank
                edited(
                        "apologize/apologize.drl",
                        "new Advice( \"listen-first\", Phase.APOLOGIZE, 1 )",
                        "new Advice( \"listen-first\", Phase.APOLOGIZE, 7 )"),
                // the kinds of a text, which the guardrails read
                edited(
                        "apologize/advice.yaml",
                        "decision. Then apologize.\n  kinds: [contact]",
                        "decision. Then apologize.\n  kinds: [contact, apology]"),
                // a reason that now names an answer
                edited(
                        "apologize/apologize.drl",
                        "An apology lands better after",
                        "With {apologiesMade} so far, an " + "apology lands better after"),
                // a brace in a reason's own words, which would read as an unfilled answer
                edited("apologize/apologize.drl", "An apology lands better after", "An apology lands better { after"));

        for (RuleSet rules : changed) {
            assertThat(RulesRead.decisionKey(rules)).isNotEqualTo(RulesRead.decisionKey(original));
        }
        assertThat(changed.stream().map(RulesRead::decisionKey).distinct()).hasSize(changed.size());
    }

    @Test
    void wordsTheGuardrailsLookForAndTheGuardrailsThemselvesAreInTheKey() throws IOException {
        RuleSet original = RulesFolder.fixture();
        String promise = "    then:\n      noStepOfKind: [contact, apology]\n\n  - id: no-repair-with-abuse";
        String withWords = "    then:\n      noStepOfKind: [contact, apology]\n      noStepSays: [\"feel heard\"]\n"
                + "      noReasonSays: [\"lands better\"]\n\n  - id: no-repair-with-abuse";
        Path guarded = RulesCopy.of(dir.resolve("guarded"));
        RulesCopy.edit(guarded, "guardrails.yaml", promise, withWords);
        RuleSet withGuardrail = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(guarded));
        assertThat(RulesRead.decisionKey(withGuardrail))
                .as("an edited guardrail is a new proof")
                .isNotEqualTo(RulesRead.decisionKey(original));

        RulesCopy.edit(guarded, "apologize/advice.yaml", "decision. Then apologize.", "decision. Only then apologize.");
        RuleSet reworded = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(guarded));
        assertThat(RulesRead.decisionKey(reworded))
                .as("words no guardrail looks for")
                .isEqualTo(RulesRead.decisionKey(withGuardrail));

        RulesCopy.edit(guarded, "apologize/advice.yaml", "title: Listen until they feel heard", "title: Listen first");
        RuleSet title = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(guarded));
        assertThat(RulesRead.decisionKey(title))
                .as("a title that no longer says what noStepSays looks for")
                .isNotEqualTo(RulesRead.decisionKey(reworded));

        RulesCopy.edit(
                guarded, "apologize/apologize.drl", "An apology lands better after", "An apology is heard after");
        RuleSet reason = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(guarded));
        assertThat(RulesRead.decisionKey(reason))
                .as("a reason that no longer says what noReasonSays looks for")
                .isNotEqualTo(RulesRead.decisionKey(title));
    }

    /** A guardrail can keep two steps with one title out of a plan: a title made, or unmade, like another's is swept. */
    @Test
    void aTitleRewordedToMatchAnotherChangesTheKeyAndOtherwiseNot() throws IOException {
        RuleSet original = RulesFolder.fixture();
        String title = "title: Listen until they feel heard";
        String other = RulesFolder.fixture()
                .catalogue()
                .advice()
                .get("apologize-fully")
                .title();

        assertThat(RulesRead.decisionKey(edited("apologize/advice.yaml", title, "title: Listen first, fully")))
                .isEqualTo(RulesRead.decisionKey(original));
        assertThat(RulesRead.decisionKey(
                        edited("apologize/advice.yaml", title, "title: \"" + other.toUpperCase() + "\"")))
                .isNotEqualTo(RulesRead.decisionKey(original));
    }

    @Test
    void aDetailRewordedToMatchAnotherChangesTheKeyAndOtherwiseNot() throws IOException {
        RuleSet original = RulesFolder.fixture();
        String detail = "    Let them say everything they need to, for as long as they need to, without defending"
                + " yourself or asking for a\n    decision. Then apologize.";
        String other = RulesFolder.fixture()
                .catalogue()
                .advice()
                .get("apologize-fully")
                .detail();

        assertThat(RulesRead.decisionKey(edited("apologize/advice.yaml", detail, "    Let them say all of it first.")))
                .isEqualTo(RulesRead.decisionKey(original));
        assertThat(RulesRead.decisionKey(edited("apologize/advice.yaml", detail, "    " + other.toUpperCase())))
                .as("two details that read the same: a guardrail can keep them out of one plan")
                .isNotEqualTo(RulesRead.decisionKey(original));
    }

    @Test
    void movingARuleKeepsTheKeyWhereOrderDecidesNothing() throws IOException {
        String file = "apologize/apologize.drl";
        Path rules = RulesCopy.of(dir.resolve("moved"));
        String listen = firstRule(rules.resolve(file));
        RulesCopy.edit(rules, file, listen, "");
        Files.writeString(rules.resolve(file), Files.readString(rules.resolve(file)) + "\n" + listen);
        RuleSet moved = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
        assertThat(moved.version()).isNotEqualTo(RulesFolder.fixture().version());
        assertThat(RulesRead.decisionKey(moved))
                .as("these rules only add facts: they fire alike in any order")
                .isEqualTo(RulesRead.decisionKey(RulesFolder.fixture()));

        // with a `not`, a rule may fire or not by which fires first: the order is part of what is decided
        String condition = "Situation( role == Role.BROKE_TRUST, apologiesMade == 0 )\n  TrackIs";
        String negated = "Situation( role == Role.BROKE_TRUST, apologiesMade == 0 )\n"
                + "  not Advice( id == \"listen-first\" )\n  TrackIs";
        Path withNot = RulesCopy.of(dir.resolve("with-not"));
        RulesCopy.edit(withNot, file, condition, negated);
        Path withNotMoved = dir.resolve("with-not-moved");
        RulesCopy.copy(rules, withNotMoved);
        RulesCopy.edit(withNotMoved, file, condition, negated);
        assertThat(RulesRead.decisionKey(new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(withNotMoved))))
                .isNotEqualTo(
                        RulesRead.decisionKey(new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(withNot))));
    }

    /** The file's first rule, from {@code rule} to its {@code end}. */
    private static String firstRule(Path drl) throws IOException {
        String text = Files.readString(drl);
        int start = text.indexOf("rule \"");
        return text.substring(start, text.indexOf("\nend\n", start) + "\nend\n".length());
    }

    @Test
    void theLimitsAreInTheKey() {
        RuleFiles files = RuleFiles.fromDirectory(RulesFolder.FIXTURE);
        assertThat(RulesRead.decisionKey(new RuleSetBuilder(10_000).build(files)))
                .isEqualTo(RulesRead.decisionKey(RulesFolder.fixture()))
                .isNotEqualTo(RulesRead.decisionKey(new RuleSetBuilder(20).build(files)));
    }

    @Test
    void proofsSweepOnlyDecisionsTheyHaveNotSeen() throws IOException {
        List<String> swept = new ArrayList<>();
        // a quick look (every 97th situation) stands in for the full sweep: what is tested here is which rules get one
        Function<RuleSet, Sweep.Result> sweeper = rules -> {
            swept.add(rules.version());
            return new Sweep(rules, 2).run(AnswerSpace.of(rules), 97);
        };
        Proofs proofs = new Proofs();
        RuleSet original = RulesFolder.fixture();
        RuleSet reworded =
                edited("apologize/advice.yaml", "title: Listen until they feel heard", "title: Listen first, fully");
        RuleSet changed = edited(
                "apologize/apologize.drl",
                "new Advice( \"listen-first\", Phase.APOLOGIZE, 1 )",
                "new Advice( \"listen-first\", Phase.APOLOGIZE, 7 )");

        Sweep.Result first = proofs.sweep(original, sweeper);
        Sweep.Result again = proofs.sweep(reworded, sweeper);
        Sweep.Result other = proofs.sweep(changed, sweeper);

        assertThat(swept).containsExactly(original.version(), changed.version());
        assertThat(first.reused()).isFalse();
        assertThat(again.reused()).isTrue();
        assertThat(again.reusedFrom()).isEqualTo(original.version());
        assertThat(again.situations()).isEqualTo(first.situations());
        assertThat(again.situationsPerRule()).isEqualTo(first.situationsPerRule());
        assertThat(other.reused()).isFalse();
        assertThat(proofs.sweep(original, sweeper).reused())
                .as("its own sweep, not a reuse")
                .isFalse();
        assertThat(swept).hasSize(2);
    }
}
