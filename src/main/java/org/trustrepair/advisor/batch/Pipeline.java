package org.trustrepair.advisor.batch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reader thread, worker pool, writer in input order. The reader submits each record to the pool and queues its
 * future; the writer (the calling thread) takes futures in that order. The queue is bounded, so at most
 * {@code window} records are in flight whatever the input's size: memory stays constant.
 */
public final class Pipeline {

    /** The reader's side: it pushes every record into the sink it is given. */
    public interface Source {
        void readInto(CaseReader.Sink sink) throws Exception;
    }

    /** The writer's side: runs on the calling thread, in input order. */
    public interface Sink {
        void accept(Outcome outcome) throws Exception;
    }

    private static final Future<Outcome> END = CompletableFuture.completedFuture(null);

    private final int threads;
    private final int window;

    public Pipeline(int threads, int window) {
        this.threads = threads;
        this.window = window;
    }

    public void run(Source source, Function<Input, Outcome> work, Sink sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons("batch-worker-"));
        BlockingQueue<Future<Outcome>> queue = new ArrayBlockingQueue<>(window);
        Exception[] readerFailure = new Exception[1];
        Thread reader = new Thread(
                () -> {
                    try {
                        source.readInto(pending -> queue.put(pool.submit(() -> work.apply(pending.get()))));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        readerFailure[0] = e;
                    } finally {
                        endOf(queue);
                    }
                },
                "batch-reader");
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            for (Future<Outcome> next = queue.take(); next != END; next = queue.take()) {
                sink.accept(outcome(next));
            }
            reader.join();
            done = true;
        } finally {
            if (!done) {
                reader.interrupt();
                queue.clear();
            }
            pool.shutdownNow();
        }
        if (readerFailure[0] != null) {
            throw readerFailure[0];
        }
    }

    private static Outcome outcome(Future<Outcome> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Marks the end; if the writer has gone (interrupted), it no longer matters. */
    private static void endOf(BlockingQueue<Future<Outcome>> queue) {
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
