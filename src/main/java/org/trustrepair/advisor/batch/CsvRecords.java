package org.trustrepair.advisor.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): cells separated by commas, a cell in double quotes may hold commas,
 * line breaks and {@code ""} for a quote. One record at a time, bounded in size, each with the line it starts on.
 */
final class CsvRecords {

    /** One record's cells, or why it could not be read; {@code line} is where it starts. */
    record Row(long line, List<String> cells, String problem) {
        boolean blank() {
            return cells != null && cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    private static final int END = -1;

    private final Reader in;
    private final int maxChars;
    private long line = 1;
    private boolean first = true;

    CsvRecords(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next record, or null at the end of the input. */
    Row next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') { // the byte-order mark some spreadsheets write
                c = read();
            }
        }
        if (c == END) {
            return null;
        }
        long start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int size = 0;
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (++size > maxChars) {
                skipToLineEnd(c);
                return new Row(start, null, "the row is longer than " + maxChars + " characters");
            }
            if (inQuotes) {
                if (c == END) {
                    return new Row(start, null, "a quoted cell is not closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        cell.append('"');
                    } else {
                        inQuotes = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == ',') {
                cells.add(quoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                quoted = false;
            } else if (c == '\n' || c == END) {
                if (c == '\n') {
                    line++;
                }
                cells.add(quoted ? cell.toString() : trimEnd(cell));
                return new Row(start, cells, null);
            } else if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    cell.append('\r');
                }
                c = n;
                continue;
            } else if (c == '"' && cell.toString().isBlank() && !quoted) {
                cell.setLength(0);
                inQuotes = true;
                quoted = true;
            } else {
                cell.append((char) c);
            }
            c = read();
        }
    }

    private static String trimEnd(StringBuilder cell) {
        return cell.toString().trim();
    }

    private void skipToLineEnd(int c) throws IOException {
        while (c != END && c != '\n') {
            c = read();
        }
        if (c == '\n') {
            line++;
        }
    }

    private int read() throws IOException {
        return in.read();
    }
}
