package org.trustrepair.advisor.batch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.trustrepair.advisor.advice.AnswersReader;

/**
 * Reads case files one record at a time and hands each on as a {@link Supplier} of its {@link Input}: the cheap,
 * sequential part (finding where a record starts and ends) happens here, the parsing in whichever worker runs the
 * supplier. What cannot be read becomes an Input with its file, line and reason; nothing is silently dropped.
 */
public final class CaseReader {

    /** Where records go; blocks when the pipeline is full. */
    public interface Sink {
        void accept(Supplier<Input> pending) throws InterruptedException;
    }

    public static final int MAX_RECORD_CHARS = 1 << 20;
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** For reading a list of cases one at a time: what follows a case is the next one, not trailing tokens. */
    private static final ObjectMapper STREAM = new ObjectMapper();

    private final AtomicLong bytesRead = new AtomicLong();

    /** Bytes read so far over all files, for the progress bar. */
    public long bytesRead() {
        return bytesRead.get();
    }

    public void read(Path file, Sink sink) throws InterruptedException {
        String name = file.toString().replace('\\', '/');
        String lower = name.toLowerCase();
        try (InputStream in = new Counting(Files.newInputStream(file), bytesRead)) {
            if (lower.endsWith(".jsonl")) {
                readJsonLines(name, in, sink);
            } else if (lower.endsWith(".csv")) {
                CsvCases.read(name, in, sink);
            } else {
                readJson(name, file, in, sink);
            }
        } catch (IOException e) {
            sink.accept(ready(Input.broken(
                    name, 0, name, "the file cannot be read (" + e.getClass().getSimpleName() + ")")));
        }
    }

    // ---- *.json: one case, or an array of cases

    private static void readJson(String name, Path file, InputStream in, Sink sink)
            throws IOException, InterruptedException {
        String stem = String.valueOf(file.getFileName()).replaceFirst("(?i)\\.json$", "");
        long line = 1;
        try (JsonParser parser = STREAM.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                sink.accept(ready(Input.broken(name, 1, stem, "the file is empty")));
                return;
            }
            if (token == JsonToken.START_ARRAY) {
                int index = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    line = parser.currentTokenLocation().getLineNr();
                    JsonNode node = parser.readValueAsTree();
                    String fallback = stem + "[" + index++ + "]";
                    long at = line;
                    sink.accept(() -> Input.of(name, at, node, fallback, AnswersReader.strict()));
                }
            } else {
                line = parser.currentTokenLocation().getLineNr();
                JsonNode node = parser.readValueAsTree();
                long at = line;
                sink.accept(() -> Input.of(name, at, node, stem, AnswersReader.strict()));
            }
            if (parser.nextToken() != null) {
                sink.accept(ready(Input.broken(
                        name,
                        parser.currentTokenLocation().getLineNr(),
                        stem,
                        "there is more after the case; put one case in a .json file, or a list of cases in [ ]")));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            sink.accept(ready(Input.broken(name, at == null ? line : at.getLineNr(), stem, notJson(e))));
        }
    }

    // ---- *.jsonl: one case a line

    private static void readJsonLines(String name, InputStream in, Sink sink) throws IOException, InterruptedException {
        Lines lines = new Lines(reader(in), MAX_RECORD_CHARS);
        String text;
        while ((text = lines.next()) != null) {
            long number = lines.number();
            String fallback = name + ":" + number;
            if (lines.tooLong()) {
                sink.accept(ready(Input.broken(
                        name, number, fallback, "the line is longer than " + MAX_RECORD_CHARS + " characters")));
            } else if (!text.isBlank()) {
                String line = text;
                sink.accept(() -> parseLine(name, number, fallback, line));
            }
        }
    }

    private static Input parseLine(String name, long number, String fallback, String text) {
        try {
            return Input.of(name, number, JSON.readTree(text), fallback, AnswersReader.strict());
        } catch (JsonProcessingException e) {
            return Input.broken(name, number, fallback, notJson(e));
        }
    }

    /** Jackson's own messages quote the input; this says where, and what sort of fault, without it. */
    private static String notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getColumnNr() < 1 ? "" : " (at column " + at.getColumnNr() + ")";
        String original = e.getOriginalMessage();
        if (e instanceof JsonEOFException || (original != null && original.contains("end-of-input"))) {
            return "not valid JSON: it ends too early" + where;
        }
        return "not valid JSON" + where;
    }

    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static Supplier<Input> ready(Input input) {
        return () -> input;
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
