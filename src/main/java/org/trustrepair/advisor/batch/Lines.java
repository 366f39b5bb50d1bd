package org.trustrepair.advisor.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text one line at a time, as {@code BufferedReader.readLine} does, but never holds more than a bounded number
 * of characters: a line over the limit is skipped and reported, so one runaway line cannot exhaust memory.
 */
final class Lines {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int end;
    private long number;
    private boolean tooLong;
    private boolean eof;

    Lines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its line break, or null at the end. When {@link #tooLong()}, the text is empty. */
    String next() throws IOException {
        if (eof) {
            return null;
        }
        line.setLength(0);
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    return finish();
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            append(start, pos);
            if (pos < end) {
                pos++; // the line break
                return finish();
            }
        }
    }

    private void append(int from, int to) {
        if (tooLong) {
            return;
        }
        if (line.length() + (to - from) > maxChars) {
            tooLong = true;
            line.setLength(0);
            return;
        }
        line.append(buffer, from, to - from);
    }

    private String finish() {
        number++;
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        return line.toString();
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }

    /** Whether the line last returned was over the limit (and so was not kept). */
    boolean tooLong() {
        return tooLong;
    }
}
