package org.trustrepair.advisor.batch;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Answers;

/**
 * A cross-check of {@link BatchBenchmark} that a busy machine distorts less: besides the wall time, the CPU time each
 * measurement used (the evaluating threads' own for evaluation and the floor, the whole process's for the batch), after
 * two warm-up passes of each. On a machine with both cores free, two threads' wall time is about half their CPU time.
 *
 * <p>{@code java -cp … org.trustrepair.advisor.batch.CpuTime [cases.jsonl]}
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuTime() {}

    public static void main(String[] args) throws Exception {
        BatchBenchmark bench = new BatchBenchmark();
        if (args.length > 0) {
            bench.cases = args[0];
        }
        bench.setUp();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Answers> answers = bench.answers();
            Advisor advisor = bench.advisor();
            int half = answers.size() / 2;
            measure("evaluation, 1 thread ", answers.size(), () -> evaluate(advisor, answers));
            measure("evaluation, 2 threads", answers.size(), () -> {
                Future<Long> a = two.submit(() -> evaluate(advisor, answers.subList(0, half)));
                Future<Long> b = two.submit(() -> evaluate(advisor, answers.subList(half, answers.size())));
                return a.get() + b.get();
            });
            measure("floor, same output   ", answers.size(), () -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                bench.floorSameOutput();
                return THREADS.getCurrentThreadCpuTime() - cpu;
            });
            measure("batch (in-process)   ", answers.size(), () -> {
                long cpu = PROCESS.getProcessCpuTime();
                bench.batch();
                return PROCESS.getProcessCpuTime() - cpu;
            });
        } finally {
            two.shutdownNow();
            bench.tearDown();
        }
    }

    /** Two warm-up passes, then three measured; {@code work} returns the CPU nanoseconds it used. */
    private static void measure(String what, int cases, Callable<Long> work) throws Exception {
        work.call();
        work.call();
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            long cpu = work.call();
            double wall = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%s run %d: wall %5.2f s (%,7.0f cases/s); cpu %5.2f s (%,7.0f cases per cpu-second)%n",
                    what, run, wall, cases / wall, cpu / 1e9, cases / (cpu / 1e9));
        }
    }

    /** Evaluates every case on this thread; returns the CPU time this thread used. */
    private static long evaluate(Advisor advisor, List<Answers> answers) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long steps = 0;
        for (Answers a : answers) {
            steps += advisor.evaluate(a).plan().steps().size();
        }
        if (steps == 0) {
            throw new IllegalStateException("no plan had a step");
        }
        return THREADS.getCurrentThreadCpuTime() - cpu;
    }
}
