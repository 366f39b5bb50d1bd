package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Goes through tasks numbered 0 to size - 1 on several threads, which take chunks in turn; each thread has its own
 * {@link Part} (its own engine session, its own counts) and the parts come back for merging. The sweep and the diff
 * go through the runs of a space this way (a run: the situations that differ only in their safety flags), the
 * tables through their (role, table) pairs.
 */
final class Parallel {

    private static final long CHUNK = 4096;

    /** One thread's share of the work: takes tasks one at a time, then says what it found. */
    interface Part<P> extends AutoCloseable {
        void take(long task);

        /** What the part found (nothing, by default). */
        default P result() {
            return null;
        }

        @Override
        default void close() {}
    }

    private Parallel() {}

    /** The results of the parts, one per thread, once every index has been taken. */
    static <P> List<P> over(long size, int threads, String name, Supplier<? extends Part<P>> parts) {
        int n = Math.max(1, threads);
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<P>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    try (Part<P> part = parts.get()) {
                        long from;
                        while ((from = next.getAndAdd(CHUNK)) < size) {
                            long to = Math.min(size, from + CHUNK);
                            for (long index = from; index < to; index++) {
                                part.take(index);
                            }
                        }
                        return part.result();
                    }
                }));
            }
            List<P> results = new ArrayList<>();
            for (Future<P> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown; // as the part threw it (the sweep and the diff catch AlikeSituations.Mismatch)
            }
            throw new IllegalStateException(name + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
