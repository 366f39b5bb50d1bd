package org.trustrepair.advisor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV case files as spreadsheets write them; what cannot be read is named with its line, and nothing else is lost. */
class CsvCasesTest {

    private static final String HEADER = "id, relationship ,breach,readiness,daysElapsed\n";

    @TempDir
    Path dir;

    private List<Input> read(String csv) throws IOException, InterruptedException {
        Path file = dir.resolve("cases.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<Input> inputs = new ArrayList<>();
        new CaseReader().read(file, pending -> inputs.add(pending.get()));
        return inputs;
    }

    @Test
    void trimsUnquotedCellsAndKeepsQuotedOnesWhole() throws Exception {
        List<Input> inputs = read(HEADER + " one , ROMANTIC ,OTHER,NEEDS_SPACE, 3 \n"
                + "\"two, \"\"quoted\"\"\nover two lines\",FAMILY,OTHER,UNDECIDED,4\n"
                + "three,WORKPLACE,OTHER,UNDECIDED,5\n");

        assertThat(inputs).allSatisfy(i -> assertThat(i.ok()).as(i.reason()).isTrue());
        assertThat(inputs).extracting(Input::id).containsExactly("one", "two, \"quoted\"\nover two lines", "three");
        assertThat(inputs).extracting(Input::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void aQuoteNeverClosedIsNamedWithTheRowItStartsOn() throws Exception {
        List<Input> inputs = read(HEADER + "one,ROMANTIC,OTHER,NEEDS_SPACE,3\n"
                + "two,\"never closed,OTHER,UNDECIDED,4\nthree,FAMILY,OTHER,UNDECIDED,5\n");

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).ok()).isTrue();
        assertThat(inputs.get(1).ok()).isFalse();
        assertThat(inputs.get(1).line()).isEqualTo(3);
        assertThat(inputs.get(1).reason()).contains("a quoted cell is not closed", "the rest of the file was not read");
    }

    @Test
    void aRowOverTheLimitIsSkippedAndTheNextOneRead() throws Exception {
        String wide = "x,".repeat(CaseReader.MAX_RECORD_CHARS / 2 + 10) + "x\n";

        List<Input> inputs = read(HEADER + wide + "after,ROMANTIC,OTHER,NEEDS_SPACE,3\n");

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).reason())
                .isEqualTo("the row is longer than " + CaseReader.MAX_RECORD_CHARS + " characters");
        assertThat(inputs.get(0).line()).isEqualTo(2);
        assertThat(inputs.get(1).id()).isEqualTo("after");
        assertThat(inputs.get(1).line()).isEqualTo(3);
    }

    @Test
    void aCellOverTheLimitEndsTheFileWithoutQuotingIt() throws Exception {
        String huge = "\"" + "CANARY".repeat(CaseReader.MAX_RECORD_CHARS / 6 + 1) + "\"";

        List<Input> inputs = read(HEADER + "one,ROMANTIC,OTHER,NEEDS_SPACE,3\n" + huge + ",ROMANTIC,OTHER,X,1\n");

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(1).reason()).startsWith("a cell is longer than").doesNotContain("CANARY");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutANameAreNamed() throws Exception {
        assertThat(read("\uFEFF\n\n"))
                .singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("the file is empty"));
        assertThat(read("id,,breach\nx,y,z\n"))
                .singleElement()
                .satisfies(
                        i -> assertThat(i.reason()).contains("column 2 has no name", "no row of this file was read"));
    }
}
