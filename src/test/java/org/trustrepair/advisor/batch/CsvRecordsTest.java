package org.trustrepair.advisor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Row> rows(String csv, int max) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(csv), max);
        List<CsvRecords.Row> rows = new ArrayList<>();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void splitsOnCommasAndTrimsUnquotedCells() throws IOException {
        assertThat(rows("a, b ,c\n1,2,3", 1000))
                .extracting(CsvRecords.Row::cells)
                .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecords.Row> rows = rows("\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row,here\n", 1000);

        assertThat(rows.get(0).cells()).containsExactly("a, b", "say \"hi\"", "two\nlines");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void emptyCellsAndCrLfEndings() throws IOException {
        assertThat(rows("a,,c\r\n,,\r\n", 1000))
                .extracting(CsvRecords.Row::cells)
                .containsExactly(List.of("a", "", "c"), List.of("", "", ""));
    }

    @Test
    void anUnclosedQuoteIsAProblemNotAnException() throws IOException {
        assertThat(rows("a,\"never closed\nstill,open", 1000))
                .singleElement()
                .satisfies(r -> assertThat(r.problem()).contains("not closed"));
    }

    @Test
    void aRowOverTheLimitIsSkippedAndTheNextOneRead() throws IOException {
        List<CsvRecords.Row> rows = rows("x".repeat(50) + "\nok,1\n", 20);

        assertThat(rows.get(0).problem()).contains("longer than 20");
        assertThat(rows.get(1).cells()).containsExactly("ok", "1");
        assertThat(rows.get(1).line()).isEqualTo(2);
    }
}
