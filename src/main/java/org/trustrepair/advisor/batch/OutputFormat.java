package org.trustrepair.advisor.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.AdvicePlan;

/**
 * How each case's output line is written: {@code jsonl}, the whole plan as one JSON line; or {@code csv}, one row a
 * case for a spreadsheet (RFC 4180, after a header row): its id, file, line, result, track, step ids and what went
 * wrong.
 */
public enum OutputFormat {
    JSONL,
    CSV;

    /** A case as a CSV row. {@code steps} are the plan's step ids in order, {@code ;}-separated. */
    @JsonPropertyOrder({"id", "file", "line", "result", "track", "steps", "message"})
    record Row(String id, String file, long line, String result, String track, String steps, String message) {}

    private static final ObjectWriter JSON = CaseReader.JSON.writer();
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema CSV_SCHEMA =
            CSV_MAPPER.schemaFor(Row.class).withLineSeparator("").withoutHeader();
    private static final ObjectWriter CSV_ROW = CSV_MAPPER.writer(CSV_SCHEMA);

    /** The format named {@code name} ({@code jsonl} or {@code csv}, in any case), or null. */
    public static OutputFormat named(String name) {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        return null;
    }

    public static String names() {
        List<String> names = new ArrayList<>();
        for (OutputFormat format : values()) {
            names.add(format.toString());
        }
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What comes before the first line (CSV's header row), or null. */
    public byte[] header() {
        if (this == JSONL) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        CSV_SCHEMA.forEach(column -> columns.add(column.getName()));
        return String.join(",", columns).getBytes(StandardCharsets.UTF_8);
    }

    /** One case's line, in UTF-8, without the line break. */
    byte[] line(Outcome.Line line, String result) {
        try {
            return this == JSONL ? JSON.writeValueAsBytes(line) : CSV_ROW.writeValueAsBytes(row(line, result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case's line could not be written as " + this, e);
        }
    }

    private static Row row(Outcome.Line line, String result) {
        AdvicePlan plan = line.plan();
        String message = line.error() != null
                ? line.error().reason()
                : line.expectation() == null
                        ? ""
                        : String.join("; ", line.expectation().failures());
        return new Row(
                inert(line.id()),
                inert(line.file()),
                line.line(),
                result,
                plan == null ? "" : plan.classification().track().name(),
                plan == null
                        ? ""
                        : plan.steps().stream().map(AdvicePlan.Step::id).collect(Collectors.joining(";")),
                message);
    }

    /**
     * A text from a case file that a spreadsheet would otherwise run as a formula ({@code =}, {@code +}, {@code -},
     * {@code @} first) gets a leading {@code '}, as OWASP advises against CSV injection.
     */
    static String inert(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
