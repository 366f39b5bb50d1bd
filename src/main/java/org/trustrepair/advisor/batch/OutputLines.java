package org.trustrepair.advisor.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the JSON lines go: a file (bytes straight through), or the command's standard output (a writer). */
public interface OutputLines extends AutoCloseable {

    void write(byte[] utf8Line) throws IOException;

    @Override
    void close() throws IOException;

    static OutputLines toFile(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return new OutputLines() {
            @Override
            public void write(byte[] line) throws IOException {
                out.write(line);
                out.write('\n');
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /**
     * Standard output is not closed, only flushed. A PrintWriter swallows errors, so it is asked now and then whether
     * the reader has gone (as {@code | head} does), to stop instead of evaluating for nobody.
     */
    static OutputLines toWriter(Writer out) {
        return new OutputLines() {
            private long lines;

            @Override
            public void write(byte[] line) throws IOException {
                out.write(new String(line, StandardCharsets.UTF_8));
                out.write('\n');
                if ((++lines & 1023) == 0 && out instanceof PrintWriter printer && printer.checkError()) {
                    throw new IOException("the output is closed");
                }
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
