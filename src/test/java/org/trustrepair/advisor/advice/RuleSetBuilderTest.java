package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleFormat;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** A rule set that is not complete is refused, with the file, line and problem in plain words. */
class RuleSetBuilderTest {

    @TempDir
    Path copy;

    private void copyRules() throws IOException {
        try (Stream<Path> files = Files.walk(RulesFolder.PATH)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(RulesFolder.PATH.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = copy.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    private RuleSetException refused() {
        return refusedAt(copy);
    }

    private static RuleSetException refusedAt(Path rules) {
        try {
            new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
        } catch (RuleSetException e) {
            return e;
        }
        throw new AssertionError("the rule set was accepted");
    }

    @Test
    void theRepositoryRulesBuild() throws IOException {
        copyRules();
        var ruleSet = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(copy));
        assertThat(ruleSet.rules()).hasSizeGreaterThan(60);
        assertThat(ruleSet.version()).isEqualTo(RulesFolder.ruleSet().version()).hasSize(12);
    }

    @Test
    void rulesOfANewerFormatAreRefusedSayingWhichFormatThisAdvisorReads() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        RulesCopy.edit(rules, "plan.yaml", "disclaimer:", "format: 3\ndisclaimer:");

        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("plan.yaml");
            assertThat(p.message()).isEqualTo("These rules say format: 3, and this advisor reads format 2.");
            assertThat(p.hint()).contains("newer advisor");
        });
    }

    @Test
    void theHelpLinesOfAPageWithoutAPlanAreChosenInPlanYamlFromGroupsThatExist() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        assertThat(new RuleSetBuilder(10_000)
                        .build(RuleFiles.fromDirectory(rules))
                        .catalogue()
                        .helplinesWithoutAPlanInOrder())
                .extracting(AdvicePlan.Helpline::need)
                .containsSubsequence("emergency", "crisis", "abuse");

        RulesCopy.edit(
                rules,
                "plan.yaml",
                "helplinesWithoutAPlan: [emergency, crisis, abuse]",
                "helplinesWithoutAPlan: [emergency, crisis, abuses]");
        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("plan.yaml");
            assertThat(p.message())
                    .isEqualTo("helplinesWithoutAPlan names \"abuses\", which helplines.yaml does not list.");
            assertThat(p.hint()).contains("abuse", "crisis", "emergency");
        });

        RulesCopy.edit(
                rules, "plan.yaml", "helplinesWithoutAPlan: [emergency, crisis, abuses]", "helplinesWithoutAPlan: []");
        assertThat(refusedAt(rules).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("helplinesWithoutAPlan is empty."));
    }

    @Test
    void rulesOfAnOlderFormatAreRefusedWithWhatChanged() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        RulesCopy.edit(rules, "plan.yaml", "disclaimer:", "format: 1\ndisclaimer:");

        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("These rules are format 1, and this advisor reads format 2.");
            assertThat(p.hint()).contains("format 2 brought contract v2", "directed safety flags");
        });
    }

    @Test
    void rulesThatNameNoFormatAreReadByTheirQuestionnaire() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        assertThat(Files.readString(rules.resolve("plan.yaml"))).doesNotContain("format:");
        assertThat(RuleFormat.of(RuleFiles.fromDirectory(rules))).isEqualTo(new RuleFormat(2, false));

        RulesCopy.edit(rules, "questionnaire.yaml", "field: theirResponse", "field: theirAnswer");
        assertThat(RuleFormat.of(RuleFiles.fromDirectory(rules))).isEqualTo(new RuleFormat(1, false));
        assertThat(refusedAt(rules).problems().get(0).message())
                .startsWith("These rules are format 1 (plan.yaml names no format");
    }

    @Test
    void aMisspeltValueIsNamedWithTheNearestRealOne() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "readiness == Readiness.NEEDS_SPACE, apologiesMade >= 1",
                "readiness == Readiness.NEEDS_SPAC, apologiesMade >= 1");

        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("step-back/step-back.drl");
            assertThat(p.line()).isEqualTo(42);
            assertThat(p.message())
                    .isEqualTo("In rule \"Leave one door open, then step back\": the condition readiness =="
                            + " Readiness.NEEDS_SPAC: Readiness.NEEDS_SPAC is not a value of Readiness.");
            assertThat(p.hint()).startsWith("Did you mean Readiness.NEEDS_SPACE?");
        });
    }

    @Test
    void aMisspeltAnswerIsNamedWithTheNearestRealOne() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "readiness == Readiness.NEEDS_SPACE, apologiesMade >= 1",
                "readines == Readiness.NEEDS_SPACE, apologiesMade >= 1");

        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(42);
            // as written in the rule, not turned round as the compiler quotes it (Readiness.NEEDS_SPACE == readines)
            assertThat(p.message())
                    .isEqualTo("In rule \"Leave one door open, then step back\": the condition readines =="
                            + " Readiness.NEEDS_SPACE: readines is not an answer the rules can read.");
            assertThat(p.hint()).startsWith("Did you mean readiness?");
        });
    }

    @Test
    void aValueWrittenWithoutItsTypeIsNamedWithIt() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "readiness == Readiness.NEEDS_SPACE, apologiesMade >= 1",
                "readiness == NEEDS_SPACE, apologiesMade >= 1");

        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(42);
            assertThat(p.message()).endsWith("NEEDS_SPACE is a value written without its answer's type in front.");
            assertThat(p.hint()).startsWith("Write Readiness.NEEDS_SPACE:");
        });
    }

    @Test
    void aMisspeltValueOnTheSecondLineOfAConditionIsFoundOnThatLine() throws IOException {
        Path rules = RulesCopy.of(copy.resolve("fixture"));
        RulesCopy.edit(
                rules,
                "apologize/apologize.drl",
                "readiness in ( Readiness.UNDECIDED, Readiness.WILLING_TO_TALK ) )",
                "readiness in ( Readiness.UNDECIDD, Readiness.WILLING_TO_TALK ) )");

        assertThat(refusedAt(rules).problems()).singleElement().satisfies(p -> {
            // the compiler names line 46, where the pattern starts
            assertThat(p.line()).isEqualTo(47);
            assertThat(p.message()).contains("Readiness.UNDECIDD is not a value of Readiness.");
            assertThat(p.hint()).startsWith("Did you mean Readiness.UNDECIDED?");
        });
    }

    @Test
    void aSyntaxErrorNamesItsFileAndLine() throws IOException {
        copyRules();
        String rule = "rule \"End it completely before apologizing\"\n";
        String before = Files.readString(copy.resolve("stop/stop.drl"));
        // the line of the misspelt "when", right under the rule's name (counted, as comments above it come and go)
        int typo = (int) before.substring(0, before.indexOf(rule)).lines().count() + 2;
        edit("stop/stop.drl", rule, rule + "  whne\n");
        RuleSetException e = refused();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("stop/stop.drl");
            assertThat(p.line()).isBetween(typo - 2, typo + 2);
            assertThat(p.hint()).isNotBlank();
        });
        assertThat(e.getMessage()).contains("stop/stop.drl:");
    }

    @Test
    void aRuleWithoutItsReasonIsRefused() throws IOException {
        copyRules();
        edit("relapse/relapse.drl", "  @reason(\"They are rebuilding", "  @note(\"They are rebuilding");
        assertThat(refused().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("relapse/relapse.drl");
            assertThat(p.message()).contains("has no @reason");
        });
    }

    @Test
    void anAdviceIdWithoutTextIsRefused() throws IOException {
        copyRules();
        edit("relapse/relapse.drl", "\"write-a-relapse-plan\"", "\"write-a-relapse-plann\"");
        assertThat(refused().problems())
                .extracting(RuleProblem::message)
                .contains(
                        "Advice \"write-a-relapse-plann\" has no text.",
                        "The text for \"write-a-relapse-plan\" is used by no rule.");
    }

    @Test
    void anUnknownSourceIsRefused() throws IOException {
        copyRules();
        edit("relapse/relapse.drl", "@sources(\"SEED, PC\")", "@sources(\"SEED, NOPE\")");
        assertThat(refused().problems()).anySatisfy(p -> assertThat(p.message()).contains("\"NOPE\""));
    }

    @Test
    void anUnknownKindIsRefused() throws IOException {
        copyRules();
        edit("relapse/advice.yaml", "kinds: [action]", "kinds: [actoin]");
        assertThat(refused().problems()).anySatisfy(p -> assertThat(p.message()).contains("unknown kind \"actoin\""));
    }

    @Test
    void aQuestionnaireMissingAValueIsRefused() throws IOException {
        copyRules();
        edit("questionnaire.yaml", "      - value: MOVED_ON\n", "      - value: MOVED_ONN\n");
        assertThat(refused().problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("questionnaire.yaml"));
    }

    @Test
    void numbersAreWordedByTheHighestPlusAtOrBelowThem() {
        Questionnaire q = RulesFolder.ruleSet().questionnaire();
        assertThat(List.of(0, 1, 13, 364, 365, 729, 730, 2000, 36500).stream()
                        .map(n -> q.number("daysElapsed", n))
                        .toList())
                .containsExactly(
                        "less than a day",
                        "1 day",
                        "13 days",
                        "364 days",
                        "over a year",
                        "over a year",
                        "over two years",
                        "over five years",
                        "over ten years");
        assertThat(q.number("apologiesMade", 3)).isEqualTo("3 apologies");
    }

    @Test
    void wordsForANumberQuestionUnderAKeyThatIsNoNumberAreRefused() throws IOException {
        copyRules();
        edit("questionnaire.yaml", "\"365+\": \"over a year\"", "\"over 365\": \"over a year\"");
        assertThat(refused().problems())
                .anySatisfy(p -> assertThat(p.toString())
                        .contains("questionnaire.yaml", "\"over 365\", which is not a number", "(\"365+\")"));
    }

    @Nested
    class AFileThatCannotBeRead {

        @BeforeEach
        void copyTheRules() throws IOException {
            copyRules();
        }

        /** Replaces the line containing {@code containing} with {@code line}, whether its text was quoted or not. */
        private RuleProblem theOnlyProblem(String file, String containing, String line) throws IOException {
            replaceLine(file, containing, line);
            RuleSetException e = refused();
            assertThat(e.problems()).as(e.getMessage()).hasSize(1);
            return e.problems().get(0);
        }

        @Test
        void aColonInATitleSaysToQuoteItAndNothingElse() throws IOException {
            RuleProblem p =
                    theOnlyProblem("apologize/advice.yaml", "Apologize fully, once", "  title: Apologize fully: once");

            assertThat(p.file()).isEqualTo("apologize/advice.yaml");
            assertThat(p.line()).isEqualTo(lineOf("apologize/advice.yaml", "Apologize fully: once"));
            assertThat(p.message()).startsWith("column 25: ").contains("colon");
            assertThat(p.hint()).isEqualTo("Put the text in double quotes: title: \"Apologize fully: once\"");
        }

        @Test
        void aQuoteThatPairsWithNothingIsRefusedRatherThanShownToPeople() throws IOException {
            // without an opening quote the reader takes the closing one as part of the title
            RuleProblem p = theOnlyProblem(
                    "step-back/advice.yaml", "\"Reach them another way\"", "  title: Reach them another way\"");

            assertThat(p.line()).isEqualTo(lineOf("step-back/advice.yaml", "Reach them another way\""));
            assertThat(p.message()).startsWith("column 10: ").contains("quote mark that pairs with nothing");
            assertThat(p.hint())
                    .isEqualTo("Put the text in double quotes, at both ends: title: \"Reach them another way\"");
        }

        @Test
        void quoteMarksThatPairAreTheTextsOwnAndStand() throws IOException {
            // valid YAML that means what it says: the title ends with a word in quotes, on purpose
            replaceLine("step-back/advice.yaml", "\"Reach them another way\"", "  title: Reach them another \"way\"");

            var ruleSet = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(copy));

            assertThat(ruleSet.catalogue().advice().values())
                    .anySatisfy(text -> assertThat(text.title()).isEqualTo("Reach them another \"way\""));
        }

        @Test
        void theSuggestedQuotesKeepTheTextsOwnQuoteMarks() throws IOException {
            // a closing mark with no opening one, after a word the text quotes on purpose
            RuleProblem p = theOnlyProblem(
                    "step-back/advice.yaml", "\"Reach them another way\"", "  title: Say \"no\" another way\"");

            assertThat(p.message()).contains("quote mark that pairs with nothing");
            assertThat(p.hint())
                    .isEqualTo("Put the text in single quotes, at both ends: title: 'Say \"no\" another way'");
        }

        @Test
        void aMissingClosingQuoteIsNamedWhereTheTextStarts() throws IOException {
            replaceLine(
                    "relapse/advice.yaml",
                    "Change the process so it cannot happen the same way",
                    "  title: \"Change the process so it cannot happen the same way\"");
            RuleProblem p = theOnlyProblem(
                    "relapse/advice.yaml",
                    "Write a plan for the risky moments",
                    "  title: \"Write a plan for the risky moments");

            assertThat(p.line()).isEqualTo(lineOf("relapse/advice.yaml", "Write a plan for the risky moments"));
            assertThat(p.message()).isEqualTo("column 10: the text that starts with a quote here is never closed.");
            assertThat(p.hint()).contains("closing quote");
        }

        @Test
        void aLineIndentedTooFarIsNamed() throws IOException {
            RuleProblem p = theOnlyProblem("plan.yaml", "  REFLECT: ", "     REFLECT: \"Reflect\"");

            assertThat(p.file()).isEqualTo("plan.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("indented");
            assertThat(p.hint()).contains("Line it up");
        }

        @Test
        void anIdWrittenTwiceIsNamed() throws IOException {
            String text = Files.readString(copy.resolve("relapse/advice.yaml"));
            String first = text.substring(0, text.indexOf("\n", text.indexOf("kinds:")) + 1);
            edit("relapse/advice.yaml", first, first + first);
            RuleSetException e = refused();
            assertThat(e.problems()).as(e.getMessage()).hasSize(1);
            RuleProblem p = e.problems().get(0);

            assertThat(p.message()).contains("is written twice");
            assertThat(p.hint()).contains("give the copy a name of its own");
        }

        @Test
        void aMisspeltFieldListsTheFieldsThereAre() throws IOException {
            RuleProblem p = theOnlyProblem(
                    "relapse/advice.yaml",
                    "Write a plan for the risky moments",
                    "  titel: Write a plan for the risky moments");

            assertThat(p.message()).contains("\"titel\" is not a field");
            assertThat(p.hint()).contains("detail, helplines, kinds, title");
        }

        private void replaceLine(String file, String containing, String line) throws IOException {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(copy.resolve(file)));
            lines.set(lineOf(file, containing) - 1, line);
            Files.writeString(copy.resolve(file), String.join("\n", lines) + "\n");
        }

        private int lineOf(String file, String text) throws IOException {
            List<String> lines = Files.readAllLines(copy.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError(text + " not in " + file);
        }
    }
}
