package org.trustrepair.advisor.batch;

import static org.trustrepair.advisor.batch.CaseReader.MAX_RECORD_CHARS;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.trustrepair.advisor.advice.AnswersReader;

/**
 * {@code *.csv} case files, as spreadsheets write them (RFC 4180, read by Jackson's CSV parser): a header row naming
 * the answers, then one case a row. Each row becomes the case JSON it stands for, so that CSV cases are checked
 * exactly as JSON ones are. Unquoted cells are trimmed; a quoted cell keeps its commas, quotes and line breaks.
 */
final class CsvCases {

    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_RECORD_CHARS)
                            .build())
                    .build())
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private static final Set<String> LIST_EXPECTATIONS =
            Set.of("phases", "absentPhases", "steps", "absentSteps", "order", "withheld");

    private CsvCases() {}

    static void read(String name, InputStream in, CaseReader.Sink sink) throws IOException, InterruptedException {
        try (JsonParser parser = CSV.createParser(in)) {
            Rows rows = new Rows(parser);
            Row header = rows.next();
            while (header != null && header.blank()) {
                header = rows.next();
            }
            if (header == null) {
                sink.accept(ready(
                        Input.broken(name, 1, name, "the file is empty: it needs a header row with the answer names")));
                return;
            }
            String headerProblem = header.problem() != null ? header.problem() : headerProblem(header.cells());
            if (headerProblem != null) {
                sink.accept(ready(Input.broken(
                        name,
                        header.line(),
                        name,
                        "the header row cannot be used: " + headerProblem + "; no row of this file was read")));
                return;
            }
            List<String> columns = header.cells();
            Row row;
            while ((row = rows.next()) != null) {
                String fallback = name + ":" + row.line();
                Row r = row;
                if (row.problem() != null) {
                    sink.accept(ready(Input.broken(name, row.line(), fallback, row.problem())));
                } else if (row.blank()) {
                    continue;
                } else if (row.cells().size() != columns.size()) {
                    sink.accept(ready(Input.broken(
                            name,
                            row.line(),
                            fallback,
                            "the row has " + Counts.of(row.cells().size(), "cell") + " but the header has "
                                    + columns.size())));
                } else {
                    sink.accept(() ->
                            Input.of(name, r.line(), caseOf(columns, r.cells()), fallback, AnswersReader.textual()));
                }
            }
        }
    }

    /** One row's cells, or why it could not be read; {@code line} is where it starts. */
    private record Row(long line, List<String> cells, String problem) {
        boolean blank() {
            return cells != null && cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    /**
     * The parser's rows, one at a time, each bounded in size. A row too long is skipped and the next one read; a fault
     * the parser cannot step over (a quote never closed) ends the file, with what was wrong and where.
     */
    private static final class Rows {
        private final JsonParser parser;
        private boolean ended;

        Rows(JsonParser parser) {
            this.parser = parser;
        }

        Row next() throws IOException {
            if (ended) {
                return null;
            }
            long line = -1;
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
                long from = parser.currentTokenLocation().getCharOffset();
                List<String> cells = new ArrayList<>();
                boolean tooLong = false;
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    tooLong |= parser.currentTokenLocation().getCharOffset() - from > MAX_RECORD_CHARS;
                    if (!tooLong) {
                        cells.add(parser.getText());
                    }
                }
                return tooLong
                        ? new Row(line, null, "the row is longer than " + MAX_RECORD_CHARS + " characters")
                        : new Row(line, cells, null);
            } catch (StreamConstraintsException e) {
                return end(line, "a cell is longer than " + MAX_RECORD_CHARS + " characters");
            } catch (JsonProcessingException e) {
                // Jackson's message may quote the input: only its kind is kept
                String message = String.valueOf(e.getOriginalMessage());
                return end(line, message.contains("closing quote") ? "a quoted cell is not closed" : "not valid CSV");
            }
        }

        private Row end(long line, String problem) {
            ended = true;
            long at = line > 0 ? line : parser.currentLocation().getLineNr();
            return new Row(at, null, problem + "; the rest of the file was not read");
        }
    }

    private static String headerProblem(List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (column.isEmpty()) {
                return "column " + (i + 1) + " has no name";
            }
            if (!seen.add(column)) {
                return "the column " + printable(column) + " appears twice";
            }
        }
        return null;
    }

    private static String printable(String column) {
        String p = column.replaceAll("[^A-Za-z0-9_.-]", "?");
        return p.length() > 40 ? p.substring(0, 40) + "…" : p;
    }

    /** A row as the case JSON it stands for. */
    static ObjectNode caseOf(List<String> columns, List<String> cells) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        ObjectNode answers = node.putObject("answers");
        ObjectNode expected = f.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = cells.get(i);
            if (cell.isBlank()) {
                continue;
            }
            if (column.equals("id") || column.equals("description")) {
                node.put(column, cell);
            } else if (column.startsWith("expected.")) {
                String key = column.substring("expected.".length());
                if (LIST_EXPECTATIONS.contains(key)) {
                    expected.set(key, list(cell));
                } else {
                    expected.put(key, cell.strip());
                }
            } else if (column.equals("safety")) {
                answers.set(column, list(cell));
            } else {
                answers.put(column, cell);
            }
        }
        if (!expected.isEmpty()) {
            node.set("expected", expected);
        }
        return node;
    }

    private static ArrayNode list(String cell) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String item : cell.split(";")) {
            if (!item.isBlank()) {
                list.add(item.strip());
            }
        }
        return list;
    }

    private static Supplier<Input> ready(Input input) {
        return () -> input;
    }
}
