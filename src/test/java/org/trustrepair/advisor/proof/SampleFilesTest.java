package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** A sample a counsellor edited by hand and broke is named with the line, the column and what to do. */
class SampleFilesTest {

    @TempDir
    Path dir;

    private String problemOf(String json) throws IOException {
        Files.writeString(dir.resolve("case.json"), json);
        Samples.Loaded loaded = Samples.read(dir);
        assertThat(loaded.samples()).isEmpty();
        assertThat(loaded.unreadable()).hasSize(1);
        return String.join("\n", loaded.unreadable().get(0).failures());
    }

    @Test
    void aCommaAfterTheLastItemIsNamedWithItsLine() throws IOException {
        String problem = problemOf("""
                {"id": "x",
                 "answers": {"role": "BROKE_TRUST", "relationship": "ROMANTIC"},
                 "expected": {"steps": ["name-the-harm",
                                        ]}}
                """);

        // the reader stops at the ] of line 4; the comma to remove is on line 3, after the last item
        assertThat(problem)
                .startsWith("not valid JSON at line 3, column 40: ")
                .contains("remove that comma")
                .doesNotContain("the reader says")
                .doesNotContain("code 93");
    }

    @Test
    void aStepNamedOnlyInASampleThatCannotBeReadIsNotAlsoCalledUnprotected() throws IOException {
        RuleSet rules = RulesFolder.fixture();
        List<String> none = Samples.unprotected(rules, Samples.read(dir));
        String step = none.get(0);
        Files.writeString(dir.resolve("case.json"), """
                {"id": "x",
                 "answers": {"role": "BROKE_TRUST", "relationship": "ROMANTIC"},
                 "expected": {"steps": ["%s",
                                        ]}}
                """.formatted(step));

        // the sample is reported as failed, with its line: that is the one thing to mend
        assertThat(Samples.read(dir).unreadable()).hasSize(1);
        assertThat(Samples.unprotected(rules, Samples.read(dir)))
                .doesNotContain(step)
                .containsExactlyElementsOf(none.subList(1, none.size()));
    }

    @Test
    void anUnreadableSampleIsToBeCorrectedInItsFileNotInTheRules() throws IOException {
        Files.writeString(dir.resolve("case.json"), "{\"id\": \"x\",\n \"answers\": {\"role\": \"BROKE_TRUST\",}}\n");
        Samples.Loaded loaded = Samples.read(dir);
        RuleCheck.Outcome outcome = new RuleCheck.Outcome(
                "rules",
                "v",
                null,
                List.of(),
                loaded,
                loaded.unreadable(),
                List.of(),
                null,
                Duration.ZERO,
                Duration.ZERO);

        assertThat(CheckReport.todo(outcome))
                .singleElement()
                .asString()
                .startsWith("sample case: not valid JSON at line 2, column 35: ")
                .endsWith("(correct the file case.json: until it can be read, it checks nothing)")
                .doesNotContain("the sample's expectation");
    }

    @Test
    void aMissingCommaIsNamedWithItsLine() throws IOException {
        String problem = problemOf("""
                {"id": "x"
                 "answers": {"role": "BROKE_TRUST"}}
                """);

        assertThat(problem).startsWith("not valid JSON at line 2, column ").contains("a comma is missing");
    }

    @Test
    void aFileThatEndsEarlySaysSomethingIsNotClosed() throws IOException {
        assertThat(problemOf("{\"id\": \"x\", \"answers\": {\"role\": \"BROKE_TRUST\""))
                .contains("is not closed");
    }

    @Test
    void aTextWithoutItsClosingQuoteIsNamedWithItsLine() throws IOException {
        String problem = problemOf("""
                {"id": "x",
                 "description": "Broke a promise,
                 "answers": {"role": "BROKE_TRUST"}}
                """);

        assertThat(problem).startsWith("not valid JSON at line 2, column ").contains("closing quote is missing");
    }

    @Test
    void aValueOutOfQuotesSaysToQuoteIt() throws IOException {
        assertThat(problemOf("{\"id\": \"x\", \"answers\": {\"role\": BROKE_TRUST}}"))
                .contains("goes in double quotes: \"role\": \"BROKE_TRUST\"");
    }

    @Test
    void aMissingColonIsNamed() throws IOException {
        assertThat(problemOf("{\"id\" \"x\"}")).contains("a colon is missing");
    }

    @Test
    void oneTextWhereAListBelongsSaysToWriteTheList() throws IOException {
        assertThat(problemOf("""
                {"id": "x", "answers": {"role": "WAS_HURT", "relationship": "FRIENDSHIP", "breach": "OTHER",
                 "daysElapsed": 3},
                 "expected": {"order": "a before b"}}
                """))
                .contains("expected.order: is a list: write it in [ ], even for one item, as \"order\": [\"…\"]")
                .doesNotContain("ArrayList");
    }
}
