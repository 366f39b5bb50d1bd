package org.trustrepair.advisor.batch;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar on the terminal's error stream, redrawn at most five times a second from the writer thread. Off when
 * the output is not a terminal, so logs and CI stay clean.
 */
public final class Progress {

    private static final long EVERY_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean on;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final long start = System.nanoTime();
    private long lastDrawn = start;

    public Progress(PrintWriter err, boolean on, long totalBytes, LongSupplier bytesRead) {
        this.err = err;
        this.on = on;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
    }

    public void update(long cases) {
        if (!on || (cases & 255) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawn < EVERY_NANOS) {
            return;
        }
        lastDrawn = now;
        double share = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead.getAsLong() / totalBytes);
        int filled = (int) Math.round(share * WIDTH);
        double seconds = (now - start) / 1e9;
        err.printf(
                "\r[%s%s] %3.0f%%  %s  %,.0f cases/s ",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                share * 100,
                Counts.of(cases, "case"),
                seconds > 0 ? cases / seconds : 0);
        err.flush();
    }

    public void done() {
        if (on) {
            err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
            err.flush();
        }
    }
}
